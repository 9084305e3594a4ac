namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// A move from <see cref="From"/> to <see cref="To"/> caused by one <see cref="Trigger"/>, allowed only when the optional
/// <see cref="Guard"/> holds. <see cref="Id"/> names it in history and audit; the loader derives one when the file gives none.
/// </summary>
public sealed record TransitionDefinition
{
    public required string Id { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required TransitionTrigger Trigger { get; init; }

    public GuardDefinition? Guard { get; init; }

    /// <summary>Run after the source state's exit actions and before the target state's entry actions.</summary>
    public IReadOnlyList<WorkflowAction> Actions { get; init; } = [];

    public LocalizedText Labels { get; init; } = LocalizedText.Empty;
}
