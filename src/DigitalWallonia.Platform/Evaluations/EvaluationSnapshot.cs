namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// One rule-set evaluation exactly as it happened: the version used, the as-of date, the facts and input (canonical JSON
/// with a hash), the results, outputs and explanation. Replays and appeals read this, never today's data. Never updated.
/// </summary>
public sealed class EvaluationSnapshot
{
    private EvaluationSnapshot()
    {
        RuleSet = RuleSetVersion = AsOf = FactsJson = FactsHash = InputJson = RuleResultsJson = SuccessEventsJson = OutputsJson = ExplanationJson = Purpose = "";
    }

    internal EvaluationSnapshot(long dossierId, string ruleSet, string ruleSetVersion, string asOf, DateOnly asOfDate, string factsJson,
        string factsHash, string inputJson, bool passed, string ruleResultsJson, string successEventsJson, string outputsJson,
        string explanationJson, string purpose, DateTimeOffset evaluatedAt)
    {
        DossierId = dossierId;
        RuleSet = ruleSet;
        RuleSetVersion = ruleSetVersion;
        AsOf = asOf;
        AsOfDate = asOfDate;
        FactsJson = factsJson;
        FactsHash = factsHash;
        InputJson = inputJson;
        Passed = passed;
        RuleResultsJson = ruleResultsJson;
        SuccessEventsJson = successEventsJson;
        OutputsJson = outputsJson;
        ExplanationJson = explanationJson;
        Purpose = purpose;
        EvaluatedAt = evaluatedAt;
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    public string RuleSet { get; private set; }

    public string RuleSetVersion { get; private set; }

    /// <summary>submitted, decided or today: which legal date was used.</summary>
    public string AsOf { get; private set; }

    public DateOnly AsOfDate { get; private set; }

    public string FactsJson { get; private set; }

    /// <summary>SHA-256 of <see cref="FactsJson"/> and <see cref="InputJson"/>.</summary>
    public string FactsHash { get; private set; }

    public string InputJson { get; private set; }

    public bool Passed { get; private set; }

    public string RuleResultsJson { get; private set; }

    public string SuccessEventsJson { get; private set; }

    public string OutputsJson { get; private set; }

    public string ExplanationJson { get; private set; }

    /// <summary>guard, automatic-guard-not-met, action or output.</summary>
    public string Purpose { get; private set; }

    public DateTimeOffset EvaluatedAt { get; private set; }
}
