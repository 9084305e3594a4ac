namespace DigitalWallonia.Workflows.Definitions;

/// <summary>Fired by the platform when something happens outside the workflow (<c>document-uploaded</c>, <c>payment-confirmed</c>).</summary>
public sealed record ExternalEventTrigger(string EventName) : TransitionTrigger
{
    public override string Describe() => $"event {EventName}";
}
