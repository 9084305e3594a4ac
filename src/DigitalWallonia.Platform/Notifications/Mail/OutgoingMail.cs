namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// A rendered message ready to leave. <see cref="MessageId"/> is the outbox row's stable id without angle brackets; it
/// becomes the Message-ID header, so a message sent twice after a crash is recognisable by the receiver.
/// <see cref="Date"/> is the Date header (the dispatcher's clock at sending time).
/// </summary>
public sealed record OutgoingMail(string MessageId, string ToAddress, string? ToName, string Subject, string Text, string Html, DateTimeOffset Date);
