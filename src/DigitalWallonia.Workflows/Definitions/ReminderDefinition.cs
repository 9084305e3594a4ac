namespace DigitalWallonia.Workflows.Definitions;

/// <summary>A notification sent <see cref="Before"/> a deadline falls due, with template <see cref="Template"/> to <see cref="Recipients"/> (roles).</summary>
public sealed record ReminderDefinition(DeadlineDuration Before, string Template, IReadOnlyList<string> Recipients);
