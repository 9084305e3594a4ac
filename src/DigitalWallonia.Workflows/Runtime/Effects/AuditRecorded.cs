namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// The audit event of one step. <see cref="ActorDisplayName"/> is personal data: store it in the erasable column, out of
/// the hashed payload. <see cref="InputFields"/> names the input given, not its values.
/// </summary>
public sealed record AuditRecorded(
    string Event,
    string? TransitionId,
    string? From,
    string To,
    string Trigger,
    string SubjectId,
    string? PartyId,
    string ActorDisplayName,
    DateTimeOffset At,
    IReadOnlyList<string> InputFields) : WorkflowEffect;
