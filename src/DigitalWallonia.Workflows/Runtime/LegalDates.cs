namespace DigitalWallonia.Workflows.Runtime;

/// <summary>A dossier's named legal dates: rule sets are evaluated as of one of them (docs/workflows.md, Guards).</summary>
public sealed record LegalDates(DateOnly? SubmittedOn = null, DateOnly? DecidedOn = null)
{
    public static LegalDates None { get; } = new();
}
