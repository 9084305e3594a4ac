namespace DigitalWallonia.Workflows.Definitions;

/// <summary><c>createDeadline</c>: open deadline <see cref="Kind"/>, due <see cref="Duration"/> after the firing, with reminders.</summary>
public sealed record CreateDeadlineAction(string Kind, DeadlineDuration Duration) : WorkflowAction
{
    public IReadOnlyList<ReminderDefinition> Reminders { get; init; } = [];

    public DeadlineScope Scope { get; init; } = DeadlineScope.State;

    public override string Type => "createDeadline";
}
