namespace DigitalWallonia.Workflows.Definitions;

/// <summary>Fired by the deadline scheduler when the open deadline of kind <see cref="DeadlineKind"/> falls due.</summary>
public sealed record TimerTrigger(string DeadlineKind) : TransitionTrigger
{
    public override string Describe() => $"timer {DeadlineKind}";
}
