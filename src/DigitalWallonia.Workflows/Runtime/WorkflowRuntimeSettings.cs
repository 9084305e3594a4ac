namespace DigitalWallonia.Workflows.Runtime;

/// <summary>Limits of the runtime, fixed at construction.</summary>
public sealed record WorkflowRuntimeSettings
{
    /// <summary>
    /// How many automatic transitions one firing may chain after the triggered one. Defaults to 20: the programmes' longest
    /// chain is 3, and a guarded loop that keeps passing must end as a clear rejection rather than spin.
    /// </summary>
    public int MaxAutomaticSteps { get; init; } = 20;

    public static WorkflowRuntimeSettings Default { get; } = new();
}
