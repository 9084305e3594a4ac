namespace DigitalWallonia.Workflows.Definitions;

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
