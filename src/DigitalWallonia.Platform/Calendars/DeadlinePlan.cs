namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// The instants of one deadline, UTC: when it falls due and when each of its reminders is sent (always before
/// <see cref="DueAt"/> and after the trigger; reminders that would fall outside are left out).
/// </summary>
public sealed record DeadlinePlan(DateTimeOffset DueAt, IReadOnlyList<PlannedReminder> Reminders);
