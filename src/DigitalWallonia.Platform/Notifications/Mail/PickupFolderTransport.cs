using MimeKit;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// The embedded default: writes each message as <c>{Message-ID}.eml</c> into <see cref="MailOptions.PickupFolder"/>.
/// The file is written aside and renamed into place, so a reader never sees half a message, and a message sent again
/// replaces its own file instead of appearing twice. Writing a file needs no connection, so the session is the
/// transport itself.
/// </summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options) : IMailTransport, IMailSession
{
    // .eml files are RFC 5322 text: CRLF line ends whatever the platform.
    private static readonly FormatOptions EmlFormat = CrlfFormat();

    public IMailSession OpenSession() => this;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = MailMessages.Create(mail, options.Value);
        var folder = Path.GetFullPath(options.Value.PickupFolder);
        var staging = Path.Combine(folder, ".staging");
        Directory.CreateDirectory(staging);
        var aside = Path.Combine(staging, $"{Guid.NewGuid():N}.eml");
        try
        {
            await message.WriteToAsync(EmlFormat, aside, cancellationToken);
            File.Move(aside, Path.Combine(folder, FileName(mail.MessageId)), overwrite: true);
        }
        finally
        {
            File.Delete(aside);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The file a message is written to: its Message-ID, with characters unsafe in file names replaced.</summary>
    public static string FileName(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var invalid = Path.GetInvalidFileNameChars();
        return new string(messageId.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + ".eml";
    }

    private static FormatOptions CrlfFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
