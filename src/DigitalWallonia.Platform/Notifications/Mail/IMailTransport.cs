namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// Hands messages to the outside world: <see cref="PickupFolderTransport"/> (the embedded default) or
/// <see cref="SmtpTransport"/>. The dispatcher opens one session per batch, so SMTP reuses one connection for it.
/// </summary>
public interface IMailTransport
{
    /// <summary>A session for one batch; it connects when it first sends, and disconnects when disposed.</summary>
    IMailSession OpenSession();
}
