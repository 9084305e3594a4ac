namespace DigitalWallonia.Workflows.Definitions;

/// <summary><c>cancelDeadline</c>: cancel the open deadline of kind <see cref="Kind"/>, if any.</summary>
public sealed record CancelDeadlineAction(string Kind) : WorkflowAction
{
    public override string Type => "cancelDeadline";
}
