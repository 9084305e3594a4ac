namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// Sends the messages of one batch, one at a time. <see cref="SendAsync"/> returns once the message is accepted; it
/// throws <see cref="MailRejectedException"/> when this message was refused, <see cref="MailServerUnavailableException"/>
/// when the server could not be used, and any other exception for a failure that may pass on a later attempt.
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
