namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// An administrative decision on a dossier, immutable once recorded: a reversal or a recovery is a new decision that
/// points at the one it changes (<see cref="Reverses"/>). Letters and the aid ledger refer to it.
/// </summary>
public sealed class Decision
{
    private Decision()
    {
        Kind = DecidedBy = ReasonsJson = "";
    }

    internal Decision(long dossierId, string kind, decimal? amount, string? legalBasis, string reasonsJson, string decidedBy,
        string? countersignedBy, DateOnly decidedOn, string? ruleSet, string? ruleSetVersion, long? reverses, DateTimeOffset recordedAt)
    {
        DossierId = dossierId;
        Kind = kind;
        Amount = amount;
        LegalBasis = legalBasis;
        ReasonsJson = reasonsJson;
        DecidedBy = decidedBy;
        CountersignedBy = countersignedBy;
        DecidedOn = decidedOn;
        RuleSet = ruleSet;
        RuleSetVersion = ruleSetVersion;
        Reverses = reverses;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>grant, refusal, partial, withdrawal or recovery (or a programme-specific kind such as label-granted).</summary>
    public string Kind { get; private set; }

    /// <summary>In EUR, when the decision grants or recovers an amount.</summary>
    public decimal? Amount { get; private set; }

    public string? LegalBasis { get; private set; }

    /// <summary>The reasons, drawn from the evaluation's explanation (JSON).</summary>
    public string ReasonsJson { get; private set; }

    public string DecidedBy { get; private set; }

    /// <summary>The second approver, when segregation of duties applied.</summary>
    public string? CountersignedBy { get; private set; }

    /// <summary>The date the legal right is conferred or refused.</summary>
    public DateOnly DecidedOn { get; private set; }

    public DateOnly? NotifiedOn { get; private set; }

    /// <summary>How to appeal, as told in the letter.</summary>
    public string? AppealRoute { get; private set; }

    public string? RuleSet { get; private set; }

    public string? RuleSetVersion { get; private set; }

    /// <summary>The decision this one reverses or corrects.</summary>
    public long? Reverses { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
