using System.Diagnostics.CodeAnalysis;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>Either an <see cref="Outcome"/> to persist or a <see cref="Rejection"/> saying why not; never both.</summary>
public sealed record FiringResult
{
    private FiringResult(WorkflowOutcome? outcome, Rejection? rejection)
    {
        Outcome = outcome;
        Rejection = rejection;
    }

    public WorkflowOutcome? Outcome { get; }

    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Outcome))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Outcome is not null;

    public static FiringResult Accepted(WorkflowOutcome outcome) => new(outcome ?? throw new ArgumentNullException(nameof(outcome)), null);

    public static FiringResult Rejected(Rejection rejection) => new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
