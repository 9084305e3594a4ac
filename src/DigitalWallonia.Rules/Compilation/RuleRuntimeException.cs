namespace DigitalWallonia.Rules.Compilation;

/// <summary>A failure while running a rule (bad number text, empty list for First...). Becomes a runtimeError result.</summary>
internal sealed class RuleRuntimeException(string message) : Exception(message);
