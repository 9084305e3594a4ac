using MimeKit;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>The messages an aiosmtpd Mailbox handler stored in a Maildir (new/ and cur/), parsed by MimeKit.</summary>
internal static class Maildir
{
    public static IReadOnlyList<MimeMessage> Read(string folder) =>
        new[] { "new", "cur" }
            .Select(sub => Path.Combine(folder, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(file => MimeMessage.Load(file))
            .ToList();

    /// <summary>The Message-IDs received, without angle brackets (MimeKit's form), one per message stored.</summary>
    public static IReadOnlyList<string> MessageIds(string folder) => Read(folder).Select(m => m.MessageId ?? throw new InvalidOperationException("a message without Message-ID")).ToList();
}
