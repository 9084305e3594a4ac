using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>TLS against aiosmtpd with a certificate the test makes: STARTTLS, SSL on connect, and what is refused.</summary>
public sealed class SmtpSecurityTests : IDisposable
{
    private readonly TestCertificate _certificate = new();

    [SmtpFact]
    public async Task A_message_goes_over_starttls_to_a_server_that_requires_it()
    {
        await using var server = SmtpServer.RequiringStartTls(_certificate);
        await server.StartAsync();

        var row = await DispatchOneAsync(OutboxScenario.Smtp(server.Port, Trusting(SecureSocketOptions.StartTls)));

        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(row.MessageId, Assert.Single(Maildir.MessageIds(server.Maildir)));
    }

    [SmtpFact]
    public async Task Without_starttls_the_same_server_refuses_the_sender_and_the_message_waits()
    {
        await using var server = SmtpServer.RequiringStartTls(_certificate);
        await server.StartAsync();

        var row = await DispatchOneAsync(OutboxScenario.Smtp(server.Port, Trusting(SecureSocketOptions.None)));

        // The refusal is about the connection, not the message: it is retried, not dead-lettered.
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("refused the sender: 530 Must issue a STARTTLS command first", row.LastError, StringComparison.Ordinal);
        Assert.Empty(Maildir.MessageIds(server.Maildir));
    }

    [SmtpFact]
    public async Task A_message_goes_over_ssl_from_the_first_byte()
    {
        await using var server = SmtpServer.SslOnConnect(_certificate);
        await server.StartAsync();

        var row = await DispatchOneAsync(OutboxScenario.Smtp(server.Port, Trusting(SecureSocketOptions.SslOnConnect)));

        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(row.MessageId, Assert.Single(Maildir.MessageIds(server.Maildir)));
    }

    [SmtpFact]
    public async Task A_certificate_nobody_vouches_for_is_refused_and_the_message_waits()
    {
        await using var server = SmtpServer.RequiringStartTls(_certificate);
        await server.StartAsync();

        var row = await DispatchOneAsync(OutboxScenario.Smtp(server.Port, o => o.Security = SecureSocketOptions.StartTls));

        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("certificate", row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Maildir.MessageIds(server.Maildir));
    }

    [SmtpFact]
    public async Task Starttls_is_required_by_default_so_a_server_without_it_gets_nothing()
    {
        var row = await DispatchOneAsync(OutboxScenario.Smtp(SmtpServer.SharedPort, o => o.Security = new SmtpOptions().Security));

        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("STARTTLS", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(row.MessageId, Maildir.MessageIds(SmtpServer.SharedMaildir));
    }

    public void Dispose() => _certificate.Dispose();

    private Action<SmtpOptions> Trusting(SecureSocketOptions security) => o =>
    {
        o.Security = security;
        o.ServerCertificateCheck = _certificate.Check;
    };

    private static async Task<OutboxMessage> DispatchOneAsync(SmtpTransport transport)
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1);
        await OutboxScenario.Dispatcher(db, transport, new ManualClock(OutboxScenario.Start)).DispatchDueAsync(CancellationToken.None);
        return await db.OutboxMessages.AsNoTracking().SingleAsync();
    }
}
