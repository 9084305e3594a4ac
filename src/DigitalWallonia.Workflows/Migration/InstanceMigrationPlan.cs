namespace DigitalWallonia.Workflows.Migration;

/// <summary>
/// What would happen to one instance. When <see cref="Errors"/> is not empty the instance must not be moved. No step is
/// re-run: entry actions of the new state are not executed, only its deadlines are kept, re-planned or cancelled.
/// </summary>
public sealed record InstanceMigrationPlan(string InstanceId, int FromVersion, string FromState, int ToVersion, string? ToState)
{
    public IReadOnlyList<string> KeptDeadlines { get; init; } = [];

    public IReadOnlyList<ReplannedDeadline> ReplannedDeadlines { get; init; } = [];

    public IReadOnlyList<string> CancelledDeadlines { get; init; } = [];

    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool CanMigrate => Errors.Count == 0 && ToState is not null;
}
