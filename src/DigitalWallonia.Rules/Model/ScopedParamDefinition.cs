namespace DigitalWallonia.Rules.Model;

/// <summary>A LocalParam or GlobalParam: a named expression evaluated before the rule(s) that see it.</summary>
internal sealed record ScopedParamDefinition(string Name, ExpressionSource Expression);
