namespace DigitalWallonia.Workflows.Validation;

/// <summary>An error blocks publishing; a warning is reported and does not.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
