namespace DigitalWallonia.Workflows.Migration;

/// <summary>
/// How instances move to version <see cref="ToVersion"/> of workflow <see cref="WorkflowId"/>: old state to new state, and
/// what to do with each open deadline kind. States absent from <see cref="States"/> keep their id when the target has it.
/// </summary>
public sealed record StateMap(string WorkflowId, int ToVersion)
{
    public IReadOnlyDictionary<string, string> States { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, DeadlinePolicy> Deadlines { get; init; } = new Dictionary<string, DeadlinePolicy>();
}
