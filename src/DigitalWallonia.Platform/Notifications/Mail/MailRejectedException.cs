namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// The mail server (or the address check before it) refused this one message. <see cref="Permanent"/> (an SMTP 5xx reply,
/// an invalid address): sending it again cannot succeed, so the dispatcher dead-letters it at once. Otherwise (4xx) it is
/// retried later. The message is the server's reply, code first (<c>550 5.1.1 &lt;x@y&gt;: User unknown</c>).
/// </summary>
public sealed class MailRejectedException(string reply, bool permanent, Exception? innerException = null) : Exception(reply, innerException)
{
    public bool Permanent { get; } = permanent;
}
