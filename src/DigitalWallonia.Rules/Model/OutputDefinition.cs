namespace DigitalWallonia.Rules.Model;

/// <summary>A named value computed when every rule of the rule set succeeded. Money rounds half away from zero to the cent.</summary>
internal sealed record OutputDefinition(string Name, ExpressionSource Expression, bool IsMoney, string? Unit);
