using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Migration;

/// <summary>A deadline to compute again with the target version's duration and reminders.</summary>
public sealed record ReplannedDeadline(string Kind, DeadlineDuration Duration, IReadOnlyList<ReminderDefinition> Reminders);
