using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Persistence;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>Builds outbox rows and dispatchers over a test database.</summary>
internal static class OutboxScenario
{
    public static readonly DateTimeOffset Start = new(2026, 3, 31, 8, 0, 0, TimeSpan.Zero);

    public static readonly TemplateRenderer Renderer = new(TemplateFolder.RepositoryCatalogue, NullLogger<TemplateRenderer>.Instance);

    public static OutboxMessage Message(string template = "dossier-received", string language = "fr", JsonNode? model = null, DateTimeOffset? at = null,
        string recipient = "claire.dubois@forges.example") =>
        new(OutboxMessage.NewMessageId("test.digitalwallonia.be"), null, template, language, recipient, "Claire Dubois",
            (model ?? TemplateRenderingTests.Example(template)).ToJsonString(), at ?? Start);

    public static async Task<List<OutboxMessage>> QueueAsync(PlatformDbContext db, int count, Func<int, OutboxMessage>? make = null)
    {
        var messages = Enumerable.Range(0, count).Select(i => make?.Invoke(i) ?? Message()).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }

    public static OutboxDispatcher Dispatcher(PlatformDbContext db, IMailTransport transport, TimeProvider clock, OutboxOptions? options = null) =>
        new(db, Renderer, transport, clock, Options.Create(options ?? new OutboxOptions()), NullLogger<OutboxDispatcher>.Instance);

    /// <summary>SMTP to 127.0.0.1:<paramref name="port"/>, in clear and with a 10 s timeout unless <paramref name="configure"/> says otherwise.</summary>
    public static SmtpTransport Smtp(int port, Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, TimeoutSeconds = 10 };
        configure?.Invoke(options);
        return new(Options.Create(options), Options.Create(new MailOptions()));
    }
}
