using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>Messages sent to the real SMTP server started by test.sh, read back from its Maildir.</summary>
public class SmtpDeliveryTests
{
    [SmtpFact]
    public async Task A_french_message_arrives_with_its_accented_subject_and_both_parts_decoded()
    {
        var received = await SendAsync(OutboxScenario.Message("deadline-reminder", "fr"));

        Assert.Equal("Rappel – VOUCHER-2026-000042 : échéance « utilisation du chèque » le mardi 30 juin 2026", received.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative.OfType<TextPart>(), p => Assert.Equal((ContentEncoding.Base64, "utf-8"), (p.ContentTransferEncoding, p.ContentType.Charset)));
        Assert.Equal(("Claire Dubois", "claire.dubois@forges.example"), (received.To.Mailboxes.Single().Name, received.To.Mailboxes.Single().Address));
        Assert.Equal(("Digital Wallonia", "no-reply@digitalwallonia.be"), (received.From.Mailboxes.Single().Name, received.From.Mailboxes.Single().Address));
        Assert.Equal(OutboxScenario.Start, received.Date);
        var text = received.TextBody ?? throw new InvalidOperationException("no text part");
        var html = received.HtmlBody ?? throw new InvalidOperationException("no HTML part");
        Assert.Contains("L'échéance « utilisation du chèque » de votre dossier VOUCHER-2026-000042 (Chèques technologiques)", text, StringComparison.Ordinal);
        Assert.Contains("L'équipe Digital Wallonia\nSPW Économie", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Sans action de votre part à cette date, le solde non utilisé sera perdu.", html, StringComparison.Ordinal);
    }

    [SmtpFact]
    public async Task Amounts_keep_their_non_breaking_spaces_through_the_mail_server()
    {
        var received = await SendAsync(OutboxScenario.Message("dossier-received", "fr"));

        Assert.Equal("Votre demande RENTIC-2026-000123 a bien été reçue", received.Subject);
        Assert.Contains("Montant demandé : 24\u202F000,00\u00A0€", received.TextBody, StringComparison.Ordinal);
    }

    [SmtpFact]
    public async Task The_recipients_language_is_used()
    {
        var received = await SendAsync(OutboxScenario.Message("decision-notified", "de"));

        Assert.Equal("RENTIC-2026-000124: Entscheidung vom Dienstag, 31. März 2026", received.Subject);
        Assert.Contains("in Höhe von 12.500,50\u00A0€", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", received.HtmlBody, StringComparison.Ordinal);
    }

    private static async Task<MimeMessage> SendAsync(OutboxMessage message)
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1, _ => message);
        var dispatcher = OutboxScenario.Dispatcher(db, OutboxScenario.Smtp(SmtpServer.SharedPort), new ManualClock(OutboxScenario.Start));

        var batch = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, batch.Sent);
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.AsNoTracking().SingleAsync()).Status);
        return Assert.Single(Maildir.Read(SmtpServer.SharedMaildir), m => m.MessageId == message.MessageId);
    }
}
