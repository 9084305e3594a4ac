namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Cancel the open deadline <see cref="Kind"/> and its pending reminders.</summary>
public sealed record DeadlineCancelled(string Kind, DeadlineCancelReason Reason) : WorkflowEffect;
