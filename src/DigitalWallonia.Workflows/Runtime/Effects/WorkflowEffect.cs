namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Something the platform must persist, in the order the runtime produced it, in the same transaction as the state
/// change. <see cref="Step"/> is the index of the transition in <see cref="WorkflowOutcome.Steps"/> it belongs to
/// (-1 for a workflow's start).
/// </summary>
public abstract record WorkflowEffect
{
    private protected WorkflowEffect()
    {
    }

    public int Step { get; init; }
}
