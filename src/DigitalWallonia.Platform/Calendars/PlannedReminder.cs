using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Platform.Calendars;

/// <summary>A reminder of a planned deadline and the UTC instant at which it is sent.</summary>
public sealed record PlannedReminder(ReminderDefinition Definition, DateTimeOffset DueAt);
