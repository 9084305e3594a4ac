namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// A state of a workflow. <see cref="Roles"/> are the roles who may act while a dossier is in it: they are the
/// default for its action transitions that name no roles of their own, and tell work lists whose task it is.
/// </summary>
public sealed record StateDefinition
{
    public required string Id { get; init; }

    public LocalizedText Labels { get; init; } = LocalizedText.Empty;

    public StateKind Kind { get; init; } = StateKind.Normal;

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Run, in order, each time a dossier enters the state (also when it starts in the initial state).</summary>
    public IReadOnlyList<WorkflowAction> OnEntry { get; init; } = [];

    /// <summary>Run, in order, each time a dossier leaves the state, before the transition's own actions.</summary>
    public IReadOnlyList<WorkflowAction> OnExit { get; init; } = [];
}
