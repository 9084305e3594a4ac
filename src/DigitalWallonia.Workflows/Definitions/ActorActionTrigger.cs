namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// A person's action, e.g. <c>submit</c> or <c>approve</c>. <see cref="Roles"/> empty means the source state's roles.
/// <see cref="Input"/> declares every field the action may carry (a refusal's reason, the SME declaration); the runtime
/// refuses any other field, and one that is missing, of the wrong type or outside its constraints.
/// </summary>
public sealed record ActorActionTrigger(string Name) : TransitionTrigger
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<InputField> Input { get; init; } = [];

    public override string Describe() => Name;
}
