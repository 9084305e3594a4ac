namespace DigitalWallonia.Workflows.Definitions;

/// <summary>Which legal date a rule set is evaluated as of (docs/workflows.md, Guards).</summary>
public enum AsOfKind
{
    /// <summary>The dossier's <c>SubmittedOn</c>.</summary>
    Submitted,

    /// <summary>The dossier's <c>DecidedOn</c>, the date the legal right is conferred.</summary>
    Decided,

    /// <summary>The day of the firing, in the platform's legal time zone.</summary>
    Today,
}
