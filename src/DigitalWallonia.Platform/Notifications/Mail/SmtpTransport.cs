using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>Sends through the SMTP server of <see cref="SmtpOptions"/> with MailKit: one connection per batch.</summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> smtp, IOptions<MailOptions> mail) : IMailTransport
{
    public IMailSession OpenSession()
    {
        var options = smtp.Value;
        if (options.Host is not { Length: > 0 } host || string.IsNullOrWhiteSpace(host))
        {
            throw new InvalidOperationException("Mail:Transport is Smtp but Smtp:Host is empty; set Smtp__Host (and Smtp__Port).");
        }

        return new SmtpSession(options, host, mail.Value);
    }
}
