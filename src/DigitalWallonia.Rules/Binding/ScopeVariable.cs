namespace DigitalWallonia.Rules.Binding;

/// <summary>A named value visible to an expression: a global or local param, or an input, read from a slot array of the context.</summary>
internal sealed record ScopeVariable(string Name, RType Type, ScopeKind Kind, int Slot);
