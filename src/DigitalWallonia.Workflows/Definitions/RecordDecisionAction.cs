namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// <c>recordDecision</c>: ask the platform to record an immutable decision of kind <see cref="Decision"/> (grant, refusal,
/// partial, withdrawal, recovery), with reasons from the latest evaluation of <see cref="RuleSet"/> when given. Fixes
/// <c>DecidedOn</c> to the firing's date.
/// </summary>
public sealed record RecordDecisionAction(string Decision, string? RuleSet) : WorkflowAction
{
    public override string Type => "recordDecision";
}
