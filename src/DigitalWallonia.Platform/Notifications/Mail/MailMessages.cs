using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// Builds the <see cref="MailMessage"/> both transports send: multipart/alternative with a UTF-8 text part first and the
/// HTML part last (the one clients prefer), base64 bodies, a UTF-8 subject, and the outbox row's Message-ID.
/// </summary>
internal static class MailMessages
{
    public static MailMessage Create(OutgoingMail mail, MailOptions options)
    {
        var message = new MailMessage
        {
            From = new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(mail.ToAddress, mail.ToName, Encoding.UTF8));
        message.Headers.Add("Message-ID", $"<{mail.MessageId}>");
        message.AlternateViews.Add(View(mail.Text, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(View(mail.Html, MediaTypeNames.Text.Html));
        return message;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }
}
