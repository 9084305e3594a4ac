namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// <c>scheduleInstalment</c>: plan payment instalment <see cref="Instalment"/> whose amount is output <see cref="Output"/> of
/// rule set <see cref="RuleSet"/>, due after <see cref="Due"/> when given.
/// </summary>
public sealed record ScheduleInstalmentAction(string Instalment, string RuleSet, string Output) : WorkflowAction
{
    public DeadlineDuration? Due { get; init; }

    public AsOfKind AsOf { get; init; } = AsOfKind.Decided;

    public override string Type => "scheduleInstalment";
}
