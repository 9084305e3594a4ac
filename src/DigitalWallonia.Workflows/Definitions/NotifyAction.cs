namespace DigitalWallonia.Workflows.Definitions;

/// <summary><c>notify</c>: queue message <see cref="Template"/> for every person holding one of <see cref="Recipients"/> (roles), each in their own language.</summary>
public sealed record NotifyAction(string Template, IReadOnlyList<string> Recipients) : WorkflowAction
{
    public override string Type => "notify";
}
