using MimeKit;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// What counts as an e-mail address here: exactly one mailbox, with a local part and a domain (MimeKit's parser is
/// lenient and would otherwise accept a bare word, a group or a list). Used where contacts are recorded and again
/// before a message is built, so a bad address fails with a clear error instead of an SMTP syntax reply.
/// </summary>
public static class MailAddresses
{
    public static bool TryParse(string? address, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(address) || !MailboxAddress.TryParse(ParserOptions.Default, address.Trim(), out var parsed))
        {
            return false;
        }

        var at = parsed.Address.LastIndexOf('@');
        if (at <= 0 || at == parsed.Address.Length - 1 || parsed.Address.Any(char.IsWhiteSpace))
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }

    public static bool IsValid(string? address) => TryParse(address, out _);
}
