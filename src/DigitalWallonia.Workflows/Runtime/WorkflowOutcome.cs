using DigitalWallonia.Workflows.Runtime.Effects;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// An accepted firing: the state reached, the transitions taken, the effects to persist in order, the history entries to
/// append and the deadlines open afterwards. Persist all of it in one transaction, or none.
/// </summary>
public sealed record WorkflowOutcome(
    string PreviousState,
    string State,
    IReadOnlyList<TransitionStep> Steps,
    IReadOnlyList<WorkflowEffect> Effects,
    IReadOnlyList<HistoryEntry> NewHistory,
    IReadOnlyList<OpenDeadline> OpenDeadlines,
    LegalDates Dates)
{
    /// <summary>The instance as it is once this outcome is persisted (same pinned version).</summary>
    public WorkflowInstance ApplyTo(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance with
        {
            State = State,
            History = [.. instance.History, .. NewHistory],
            OpenDeadlines = OpenDeadlines,
            Dates = Dates,
        };
    }

    public IEnumerable<T> EffectsOf<T>()
        where T : WorkflowEffect => Effects.OfType<T>();
}
