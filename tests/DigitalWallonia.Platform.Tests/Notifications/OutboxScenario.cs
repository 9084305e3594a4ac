using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>Builds outbox rows and dispatchers over a test database.</summary>
internal static class OutboxScenario
{
    public static readonly DateTimeOffset Start = new(2026, 3, 31, 8, 0, 0, TimeSpan.Zero);

    public static readonly TemplateRenderer Renderer = new(TemplateFolder.RepositoryCatalogue, NullLogger<TemplateRenderer>.Instance);

    public static OutboxMessage Message(string template = "dossier-received", string language = "fr", JsonNode? model = null, DateTimeOffset? at = null) =>
        new(OutboxMessage.NewMessageId("test.digitalwallonia.be"), null, template, language, "claire.dubois@forges.example", "Claire Dubois",
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

    public static SmtpTransport Smtp(int port) =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, StartTls = false, TimeoutSeconds = 10 }), Options.Create(new MailOptions()));
}
