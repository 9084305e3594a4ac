namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// Something done on entering or leaving a state, or while taking a transition. Actions are data: the runtime turns each
/// into effects the platform persists in the dossier's transaction.
/// </summary>
public abstract record WorkflowAction
{
    private protected WorkflowAction()
    {
    }

    /// <summary>The <c>type</c> written in the file (<c>evaluate</c>, <c>notify</c>, ...).</summary>
    public abstract string Type { get; }
}
