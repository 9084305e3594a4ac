namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// <c>requireDifferentActor</c> (segregation of duties): the transition is refused when its actor is the person who last did
/// action <see cref="Action"/> on this dossier. Only meaningful on transitions.
/// </summary>
public sealed record RequireDifferentActorAction(string Action) : WorkflowAction
{
    public override string Type => "requireDifferentActor";
}
