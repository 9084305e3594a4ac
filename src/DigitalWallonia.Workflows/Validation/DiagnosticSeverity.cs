namespace DigitalWallonia.Workflows.Validation;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
