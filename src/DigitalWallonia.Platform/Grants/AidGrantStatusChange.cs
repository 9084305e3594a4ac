namespace DigitalWallonia.Platform.Grants;

/// <summary>One row of an aid's status history: what changed, from which legal date, by how much, on which decision.</summary>
public sealed class AidGrantStatusChange
{
    private AidGrantStatusChange()
    {
    }

    internal AidGrantStatusChange(int sequence, AidGrantStatus status, DateOnly effectiveOn, decimal? amount, Decision? decision, DateTimeOffset recordedAt)
    {
        Sequence = sequence;
        Status = status;
        EffectiveOn = effectiveOn;
        Amount = amount;
        // A saved decision is referred to by id only, so that a decision read without tracking is never inserted again;
        // one added in the same unit of work has no id yet and gets it through the navigation.
        DecisionId = decision is { Id: > 0 } ? decision.Id : null;
        Decision = decision is { Id: > 0 } ? null : decision;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public long AidGrantId { get; private set; }

    /// <summary>1 for the grant itself, then one more per change.</summary>
    public int Sequence { get; private set; }

    public AidGrantStatus Status { get; private set; }

    /// <summary>The legal date from which the change holds (the decision date for a reduction, recovery or cancellation).</summary>
    public DateOnly EffectiveOn { get; private set; }

    /// <summary>
    /// In EUR: the amount granted, paid, reduced by or recovered; null for a cancellation (the whole remaining aid).
    /// </summary>
    public decimal? Amount { get; private set; }

    public long? DecisionId { get; private set; }

    /// <summary>The decision behind the change; a navigation so that a decision saved in the same unit of work gets its id.</summary>
    public Decision? Decision { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
