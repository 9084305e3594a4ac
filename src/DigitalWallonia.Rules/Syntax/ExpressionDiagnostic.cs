namespace DigitalWallonia.Rules.Syntax;

/// <summary>A diagnostic positioned by character offset inside one expression (0-based).</summary>
internal sealed record ExpressionDiagnostic(string Code, string Message, int Start, int Length);
