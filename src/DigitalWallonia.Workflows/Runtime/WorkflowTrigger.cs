namespace DigitalWallonia.Workflows.Runtime;

/// <summary>What happened to a dossier: an actor's action, a deadline falling due, or an external event.</summary>
public abstract record WorkflowTrigger
{
    private protected WorkflowTrigger()
    {
    }
}
