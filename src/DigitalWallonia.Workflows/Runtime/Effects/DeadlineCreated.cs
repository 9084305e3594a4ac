using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Open deadline <see cref="Kind"/>: due <see cref="Duration"/> after <see cref="StartsAt"/> (local date
/// <see cref="StartsOn"/>), computed by the scheduler with the programme's calendar; reminders likewise, before the due instant.
/// </summary>
public sealed record DeadlineCreated(
    string Kind,
    DeadlineDuration Duration,
    IReadOnlyList<ReminderDefinition> Reminders,
    DeadlineScope Scope,
    string ForState,
    DateTimeOffset StartsAt,
    DateOnly StartsOn) : WorkflowEffect;
