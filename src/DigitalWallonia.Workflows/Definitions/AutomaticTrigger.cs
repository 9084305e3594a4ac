namespace DigitalWallonia.Workflows.Definitions;

/// <summary>Taken as soon as the dossier enters the source state and the guard, if any, holds.</summary>
public sealed record AutomaticTrigger : TransitionTrigger
{
    public override string Describe() => "automatic";
}
