namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Queue message <see cref="Template"/> for <see cref="Recipients"/>.</summary>
public sealed record NotificationRequested(string Template, IReadOnlyList<NotificationRecipient> Recipients) : WorkflowEffect;
