namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// Hands one message to the outside world: <see cref="PickupFolderTransport"/> (the embedded default) or
/// <see cref="SmtpTransport"/>. An exception means the message was not accepted and may be tried again.
/// </summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
