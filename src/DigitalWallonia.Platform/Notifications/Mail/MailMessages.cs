using System.Text;
using MimeKit;
using MimeKit.Text;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// Builds the <see cref="MimeMessage"/> both transports send: multipart/alternative with a UTF-8 text part first and the
/// HTML part last (the one clients prefer), base64 bodies, a UTF-8 subject (RFC 2047 where needed), and the outbox row's
/// Message-ID.
/// </summary>
internal static class MailMessages
{
    /// <exception cref="MailRejectedException">The recipient address is not an e-mail address (permanent).</exception>
    public static MimeMessage Create(OutgoingMail mail, MailOptions options)
    {
        if (!MailAddresses.TryParse(mail.ToAddress, out var to))
        {
            throw new MailRejectedException($"the recipient address '{mail.ToAddress}' is not a valid e-mail address", permanent: true);
        }

        if (!MailAddresses.TryParse(options.FromAddress, out var from))
        {
            throw new InvalidOperationException($"Mail:FromAddress '{options.FromAddress}' is not a valid e-mail address.");
        }

        from = new MailboxAddress(Encoding.UTF8, options.FromName, from.Address);
        to = new MailboxAddress(Encoding.UTF8, mail.ToName, to.Address);
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = mail.Date };
        message.From.Add(from);
        message.To.Add(to);
        message.Body = new MultipartAlternative { Part(TextFormat.Plain, mail.Text), Part(TextFormat.Html, mail.Html) };
        return message;
    }

    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
