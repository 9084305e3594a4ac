using System.Net;
using System.Net.Sockets;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>What the server answers, or does not: refusals for good and for now, bad addresses, silence.</summary>
public class SmtpFailureTests
{
    [SmtpFact]
    public async Task A_refusal_for_good_is_dead_lettered_at_once_with_the_servers_reply_and_one_for_now_is_retried()
    {
        await using var server = SmtpServer.Private("refuse=nobody", "defer=busy");
        await server.StartAsync();
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var queued = await OutboxScenario.QueueAsync(db, 3, i => OutboxScenario.Message(
            recipient: i switch { 0 => "nobody@forges.example", 1 => "busy@forges.example", _ => "claire.dubois@forges.example" }));
        var dispatcher = OutboxScenario.Dispatcher(db, OutboxScenario.Smtp(server.Port), new ManualClock(OutboxScenario.Start));

        var batch = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxBatch(3, 3, 1, 1, 1), batch);
        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal((OutboxStatus.DeadLetter, 1), (rows[0].Status, rows[0].Attempts));
        Assert.Contains("550 5.1.1 <nobody@forges.example>: Recipient address rejected", rows[0].LastError, StringComparison.Ordinal);
        Assert.Equal((OutboxStatus.Pending, 1, OutboxScenario.Start.AddMinutes(1)), (rows[1].Status, rows[1].Attempts, rows[1].NextAttemptAt));
        Assert.Contains("451 4.2.0 <busy@forges.example>", rows[1].LastError, StringComparison.Ordinal);
        // After two refusals on the same connection the third message still goes.
        Assert.Equal(OutboxStatus.Sent, rows[2].Status);
        Assert.Equal([queued[2].MessageId], Maildir.MessageIds(server.Maildir));
    }

    [Fact]
    public async Task An_invalid_recipient_address_is_dead_lettered_without_asking_the_server()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1, _ => OutboxScenario.Message(recipient: "claire.dubois at forges.example"));
        // Nothing listens on this port: asking the server would have made the message wait instead.
        var dispatcher = OutboxScenario.Dispatcher(db, OutboxScenario.Smtp(SmtpServer.FreePort()), new ManualClock(OutboxScenario.Start));

        var batch = await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(1, batch.DeadLettered);
        Assert.Equal((OutboxStatus.DeadLetter, 1), (row.Status, row.Attempts));
        Assert.Contains("'claire.dubois at forges.example' is not a valid e-mail address", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_greets_times_out_within_the_configured_time_and_the_batch_waits()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptTcpClientAsync());
            }
        });
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 3);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var transport = new TimedTransport(OutboxScenario.Smtp(port, o => o.TimeoutSeconds = 1));
        var dispatcher = OutboxScenario.Dispatcher(db, transport, new ManualClock(OutboxScenario.Start));

        var batch = await dispatcher.DispatchDueAsync(CancellationToken.None);

        // One try for the batch, given up after the configured second; the upper bound leaves a busy machine (the whole
        // suite on 2 cores measured 2.0 s) its slack, far below the minutes of an OS connect timeout or a hung read.
        Assert.InRange(Assert.Single(transport.SendTimes), TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
        Assert.Equal(new OutboxBatch(3, 3, 0, 3, 0), batch);
        Assert.Single(accepted);
        Assert.All(await db.OutboxMessages.AsNoTracking().ToListAsync(), m =>
        {
            Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts));
            Assert.Contains("no answer within 1 s", m.LastError, StringComparison.Ordinal);
        });
        silent.Stop();
        accepted.ForEach(c => c.Dispose());
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);
    }

    [SmtpFact]
    public async Task A_server_that_stops_answering_mid_message_times_out_within_the_configured_time()
    {
        await using var server = SmtpServer.Private("delay=60");
        await server.StartAsync();
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1);
        var transport = new TimedTransport(OutboxScenario.Smtp(server.Port, o => o.TimeoutSeconds = 1));
        var dispatcher = OutboxScenario.Dispatcher(db, transport, new ManualClock(OutboxScenario.Start));

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.InRange(Assert.Single(transport.SendTimes), TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("did not accept the message within 1 s", row.LastError, StringComparison.Ordinal);
    }

    [SmtpFact]
    public async Task One_connection_carries_a_whole_batch()
    {
        await using var server = SmtpServer.Private();
        await server.StartAsync();
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 5);
        var dispatcher = OutboxScenario.Dispatcher(db, OutboxScenario.Smtp(server.Port), new ManualClock(OutboxScenario.Start));

        Assert.Equal(5, (await dispatcher.DispatchDueAsync(CancellationToken.None)).Sent);

        // aiosmtpd records the client's address and port of the connection each message came over.
        var peers = Maildir.Read(server.Maildir).Select(m => m.Headers["X-Peer"]).ToList();
        Assert.Equal(5, peers.Count);
        Assert.Single(peers.Distinct());
    }
}
