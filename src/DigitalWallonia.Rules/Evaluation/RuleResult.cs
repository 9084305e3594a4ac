using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules;

/// <summary>
/// The result of one rule, shaped like RulesEngine's RuleResultTree: success, the success event (the rule's
/// SuccessEvent, else its name), the filled-in ErrorMessage on failure, the action output, and nested results.
/// </summary>
public sealed record RuleResult
{
    public required string RuleName { get; init; }

    public required bool IsSuccess { get; init; }

    public required RuleStatus Status { get; init; }

    public string? SuccessEvent { get; init; }

    /// <summary>On failure: the ErrorMessage with <c>$(path)</c> filled in; on an error status: what went wrong.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>The ErrorMessage as written.</summary>
    public string? ErrorMessage { get; init; }

    public JsonNode? ActionOutput { get; init; }

    /// <summary>
    /// Why the rule's action (OnSuccess/OnFailure: OutputExpression or EvaluateRule) failed, when it did; the rule keeps
    /// its own success or failure and <see cref="ActionOutput"/> is null, as RulesEngine's <c>ActionResult.Exception</c>.
    /// </summary>
    public string? ActionError { get; init; }

    public IReadOnlyList<RuleResult> Children { get; init; } = [];

    private Explanation? _explanation;
    private Evaluation.ExplanationSource? _source;
    private int _ordinal;

    /// <summary>
    /// Present when an explanation was asked for. What the rule saw is captured during evaluation; the sentences are
    /// rendered on first access, so callers that only store or forward results do not pay for text they never read.
    /// Safe to read from several threads (rendering is idempotent).
    /// </summary>
    public Explanation? Explanation
    {
        get
        {
            if (_explanation is null && _source is not null)
            {
                _explanation = _source.Render(_ordinal, this);
            }

            return _explanation;
        }

        init => _explanation = value;
    }

    internal (Evaluation.ExplanationSource? Source, int Ordinal) ExplanationSource
    {
        init => (_source, _ordinal) = value;
    }
}
