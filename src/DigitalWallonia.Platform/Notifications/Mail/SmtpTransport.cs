using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// Sends through an SMTP server with System.Net.Mail (MailKit is not obtainable here). One connection per message:
/// <see cref="SmtpClient"/> is not thread-safe, and the dispatcher sends few messages per second.
/// </summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> smtp, IOptions<MailOptions> mail) : IMailTransport
{
    public async Task SendAsync(OutgoingMail outgoing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var options = smtp.Value;
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new InvalidOperationException("Mail:Transport is Smtp but Smtp:Host is empty; set Smtp__Host (and Smtp__Port).");
        }

        using var client = new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.StartTls,
            Timeout = options.TimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        using var message = MailMessages.Create(outgoing, mail.Value);
        await client.SendMailAsync(message, cancellationToken);
    }
}
