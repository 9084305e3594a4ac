namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>The messages an aiosmtpd Mailbox handler stored in a Maildir (new/ and cur/).</summary>
internal static class Maildir
{
    public static IReadOnlyList<MimeMessage> Read(string folder) =>
        new[] { "new", "cur" }
            .Select(sub => Path.Combine(folder, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(file => MimeMessage.Parse(File.ReadAllText(file)))
            .ToList();

    public static IReadOnlyList<string> MessageIds(string folder) => Read(folder).Select(m => m.Header("Message-ID")).ToList();
}
