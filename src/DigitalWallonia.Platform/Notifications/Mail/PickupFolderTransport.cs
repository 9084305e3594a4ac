using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// The embedded default: writes each message as <c>{Message-ID}.eml</c> into <see cref="MailOptions.PickupFolder"/>.
/// The file is written aside and renamed into place, so a reader never sees half a message, and a message sent again
/// replaces its own file instead of appearing twice.
/// </summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail outgoing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var folder = Path.GetFullPath(options.Value.PickupFolder);
        var staging = Path.Combine(folder, ".staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            // SmtpClient writes one file with a random name into the pickup directory; it does no network I/O here.
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            using (var message = MailMessages.Create(outgoing, options.Value))
            {
                await client.SendMailAsync(message, cancellationToken);
            }

            var written = Directory.EnumerateFiles(staging).Single();
            File.Move(written, Path.Combine(folder, FileName(outgoing.MessageId)), overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The file a message is written to: its Message-ID, with characters unsafe in file names replaced.</summary>
    public static string FileName(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var invalid = Path.GetInvalidFileNameChars();
        return new string(messageId.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + ".eml";
    }
}
