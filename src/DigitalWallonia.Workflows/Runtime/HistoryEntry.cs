namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// One transition a dossier took. <see cref="Action"/> is the actor action's name (null for timers, events and
/// automatic transitions); segregation of duties compares <see cref="SubjectId"/> of earlier entries with that name.
/// </summary>
public sealed record HistoryEntry(string TransitionId, string Trigger, string? Action, string SubjectId, string? PartyId, DateTimeOffset At, string From, string To);
