namespace DigitalWallonia.Workflows.Definitions;

/// <summary>What makes a transition happen. Exactly one kind per transition.</summary>
public abstract record TransitionTrigger
{
    private protected TransitionTrigger()
    {
    }

    /// <summary>A short text for graphs and audit: <c>submit</c>, <c>timer decision</c>, <c>event payment-confirmed</c>, <c>automatic</c>.</summary>
    public abstract string Describe();
}

/// <summary>
/// A person's action, e.g. <c>submit</c> or <c>approve</c>. <see cref="Roles"/> empty means the source state's roles.
/// <see cref="RequiredInput"/> lists input fields the action must carry (e.g. a refusal's reason).
/// </summary>
public sealed record ActorActionTrigger(string Name) : TransitionTrigger
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> RequiredInput { get; init; } = [];

    public override string Describe() => Name;
}

/// <summary>Taken as soon as the dossier enters the source state and the guard, if any, holds.</summary>
public sealed record AutomaticTrigger : TransitionTrigger
{
    public override string Describe() => "automatic";
}

/// <summary>Fired by the deadline scheduler when the open deadline of kind <see cref="DeadlineKind"/> falls due.</summary>
public sealed record TimerTrigger(string DeadlineKind) : TransitionTrigger
{
    public override string Describe() => $"timer {DeadlineKind}";
}

/// <summary>Fired by the platform when something happens outside the workflow (<c>document-uploaded</c>, <c>payment-confirmed</c>).</summary>
public sealed record ExternalEventTrigger(string EventName) : TransitionTrigger
{
    public override string Describe() => $"event {EventName}";
}
