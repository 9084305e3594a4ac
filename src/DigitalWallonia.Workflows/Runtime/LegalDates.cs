namespace DigitalWallonia.Workflows.Runtime;

/// <summary>A dossier's named legal dates (DESIGN.md §5): rule sets are evaluated as of one of them.</summary>
public sealed record LegalDates(DateOnly? SubmittedOn = null, DateOnly? DecidedOn = null)
{
    public static LegalDates None { get; } = new();
}
