using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class OutboxDispatcherTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_due_message_is_rendered_sent_once_and_marked_sent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var message = (await OutboxScenario.QueueAsync(db, 1))[0];
        var transport = new RecordingTransport();
        var clock = new ManualClock(OutboxScenario.Start);
        var dispatcher = OutboxScenario.Dispatcher(db, transport, clock);

        var first = await dispatcher.DispatchDueAsync(CancellationToken.None);
        var second = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxBatch(1, 1, 1, 0, 0), first);
        Assert.Equal(OutboxBatch.Empty, second);
        var mail = Assert.Single(transport.Sent);
        Assert.Equal((message.MessageId, "Votre demande RENTIC-2026-000123 a bien été reçue"), (mail.MessageId, mail.Subject));
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal((OutboxStatus.Sent, 1, OutboxScenario.Start, null), (row.Status, row.Attempts, row.SentAt, row.ClaimedBy));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failing_message_waits_twice_as_long_after_each_failure_then_is_dead_lettered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1);
        var transport = new RecordingTransport { Failing = true };
        var clock = new ManualClock(OutboxScenario.Start);
        var dispatcher = OutboxScenario.Dispatcher(db, transport, clock, new OutboxOptions { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMinutes(1) });
        var nextAttempts = new List<DateTimeOffset>();

        for (var round = 0; round < 3; round++)
        {
            await dispatcher.DispatchAllDueAsync(CancellationToken.None);
            var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
            nextAttempts.Add(row.NextAttemptAt);
            clock.Advance(row.NextAttemptAt - clock.GetUtcNow());
        }

        var dead = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal([OutboxScenario.Start.AddMinutes(1), OutboxScenario.Start.AddMinutes(3), OutboxScenario.Start.AddMinutes(3)], nextAttempts);
        Assert.Equal((OutboxStatus.DeadLetter, 3), (dead.Status, dead.Attempts));
        Assert.Contains("451 try again later", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(transport.Sent);
    }

    [Theory, OnSqlite]
    public async Task A_message_that_cannot_be_rendered_is_dead_lettered_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1, _ => OutboxScenario.Message(model: new JsonObject { ["recipient"] = new JsonObject() }));
        var dispatcher = OutboxScenario.Dispatcher(db, new RecordingTransport(), new ManualClock(OutboxScenario.Start));

        var batch = await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(1, batch.DeadLettered);
        Assert.Equal(OutboxStatus.DeadLetter, row.Status);
        Assert.Contains("$.recipient.name is missing", row.LastError, StringComparison.Ordinal);
    }

    [Theory, OnSqlite]
    public async Task A_message_whose_model_is_not_json_is_dead_lettered_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1, _ => new OutboxMessage(OutboxMessage.NewMessageId(), null, "dossier-received", "fr",
            "a@b.example", null, "{ not json", OutboxScenario.Start));
        var dispatcher = OutboxScenario.Dispatcher(db, new RecordingTransport(), new ManualClock(OutboxScenario.Start));

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal((OutboxStatus.DeadLetter, 1), (row.Status, row.Attempts));
        Assert.Contains("is not JSON", row.LastError, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_claim_left_by_a_crashed_node_is_taken_over_once_it_expires(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1);
        await db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.ClaimedBy, "crashed-node/1")
            .SetProperty(m => m.ClaimedUntil, OutboxScenario.Start.AddMinutes(15)));
        var transport = new RecordingTransport();
        var clock = new ManualClock(OutboxScenario.Start);
        var dispatcher = OutboxScenario.Dispatcher(db, transport, clock);

        var whileHeld = await dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(16));
        var afterExpiry = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(OutboxBatch.Empty, whileHeld);
        Assert.Equal(1, afterExpiry.Sent);
        Assert.Single(transport.Sent);
    }

    [Theory, OnSqlite]
    public async Task Resending_a_dead_letter_puts_it_back_with_the_same_message_id(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var message = (await OutboxScenario.QueueAsync(db, 1))[0];
        var transport = new RecordingTransport { Failing = true };
        var clock = new ManualClock(OutboxScenario.Start);
        var dispatcher = OutboxScenario.Dispatcher(db, transport, clock, new OutboxOptions { MaxAttempts = 1 });
        await dispatcher.DispatchAllDueAsync(CancellationToken.None);

        await using (var admin = database.CreateContext())
        {
            var row = await admin.OutboxMessages.SingleAsync();
            row.Requeue(clock.GetUtcNow());
            await admin.SaveChangesAsync();
        }

        transport.Failing = false;
        await dispatcher.DispatchAllDueAsync(CancellationToken.None);

        Assert.Equal(message.MessageId, Assert.Single(transport.Sent).MessageId);
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.AsNoTracking().SingleAsync()).Status);
    }

    [Theory, OnSqlite]
    public async Task A_round_cancelled_midway_hands_back_the_messages_it_has_not_started(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 3);
        using var stopping = new CancellationTokenSource();
        var transport = new RecordingTransport { AfterSend = stopping.Cancel };
        var dispatcher = OutboxScenario.Dispatcher(db, transport, new ManualClock(OutboxScenario.Start));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchDueAsync(stopping.Token));

        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Pending, OutboxStatus.Pending], rows.Select(m => m.Status));
        Assert.All(rows, m => Assert.Null(m.ClaimedBy));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_message_that_brings_its_sender_down_is_dead_lettered_after_its_attempts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1);
        var transport = new RecordingTransport();
        var clock = new ManualClock(OutboxScenario.Start);
        var dispatcher = OutboxScenario.Dispatcher(db, transport, clock, new OutboxOptions { MaxAttempts = 3 });

        var sendsStarted = 0;

        // Each time the node "dies" mid-send: nothing records an outcome, the claim is left to expire.
        for (var crash = 0; crash < 3; crash++)
        {
            using var dying = new CancellationTokenSource();
            transport.BeforeSend = _ =>
            {
                sendsStarted++;
                dying.Cancel();
                dying.Token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchDueAsync(dying.Token));
            clock.Advance(TimeSpan.FromMinutes(16));
        }

        transport.BeforeSend = null;
        var after = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(OutboxBatch.Empty, after);
        Assert.Empty(transport.Sent);
        Assert.Equal(3, sendsStarted);
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal((OutboxStatus.DeadLetter, 3, null), (row.Status, row.Attempts, row.ClaimedBy));
        Assert.Contains("stopped before recording an outcome", row.LastError, StringComparison.Ordinal);
    }

    [Theory, OnSqlite]
    public async Task When_the_mail_server_cannot_be_used_the_whole_batch_waits_after_one_try(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 5);
        var transport = new RecordingTransport { Failure = () => new MailServerUnavailableException("could not connect to smtp.example:587 (StartTls): refused") };
        var dispatcher = OutboxScenario.Dispatcher(db, transport, new ManualClock(OutboxScenario.Start));

        var batch = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxBatch(5, 5, 0, 5, 0), batch);
        Assert.Single(transport.Tried);
        Assert.All(await db.OutboxMessages.AsNoTracking().ToListAsync(), m => Assert.Equal(
            (OutboxStatus.Pending, 1, OutboxScenario.Start.AddMinutes(1), "could not connect to smtp.example:587 (StartTls): refused"),
            (m.Status, m.Attempts, m.NextAttemptAt, m.LastError)));
    }

    [Theory, OnSqlite]
    public async Task A_refusal_for_good_is_dead_lettered_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await OutboxScenario.QueueAsync(db, 1);
        var transport = new RecordingTransport { Failure = () => new MailRejectedException("550 5.1.1 mailbox unavailable", permanent: true) };
        var dispatcher = OutboxScenario.Dispatcher(db, transport, new ManualClock(OutboxScenario.Start));

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal((OutboxStatus.DeadLetter, 1, "rejected: 550 5.1.1 mailbox unavailable"), (row.Status, row.Attempts, row.LastError));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_send_extends_the_claim_on_its_message(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var queued = await OutboxScenario.QueueAsync(db, 2);
        var clock = new ManualClock(OutboxScenario.Start);
        var heldUntil = new List<DateTimeOffset?>();
        var transport = new RecordingTransport();
        transport.BeforeSend = async mail =>
        {
            await using var look = database.CreateContext();
            heldUntil.Add((await look.OutboxMessages.SingleAsync(m => m.MessageId == mail.MessageId)).ClaimedUntil);
            clock.Advance(TimeSpan.FromMinutes(10));   // a slow send
        };
        var dispatcher = OutboxScenario.Dispatcher(db, transport, clock, new OutboxOptions { ClaimDuration = TimeSpan.FromMinutes(15) });

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal([OutboxScenario.Start.AddMinutes(15), OutboxScenario.Start.AddMinutes(25)], heldUntil);
        Assert.Equal(queued.Select(m => m.MessageId), transport.Sent.Select(m => m.MessageId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_batch_stops_at_a_message_another_dispatcher_took_over_and_hands_back_the_rest_uncounted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var queued = await OutboxScenario.QueueAsync(db, 3);
        var transport = new RecordingTransport();
        transport.BeforeSend = async mail =>
        {
            transport.BeforeSend = null;
            // While the first message goes, the batch's claim expires and node-b claims the second one.
            await using var other = database.CreateContext();
            await other.OutboxMessages.Where(m => m.MessageId == queued[1].MessageId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, "node-b/1")
                .SetProperty(m => m.ClaimedUntil, OutboxScenario.Start.AddHours(1)));
        };
        var dispatcher = OutboxScenario.Dispatcher(db, transport, new ManualClock(OutboxScenario.Start));

        var batch = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxBatch(3, 3, 1, 0, 0), batch);
        Assert.Equal([queued[0].MessageId], transport.Sent.Select(m => m.MessageId));
        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal((OutboxStatus.Sent, 1, null), (rows[0].Status, rows[0].Attempts, rows[0].ClaimedBy));
        Assert.Equal((OutboxStatus.Sending, 1, "node-b/1"), (rows[1].Status, rows[1].Attempts, rows[1].ClaimedBy));
        Assert.Equal((OutboxStatus.Pending, 0, null), (rows[2].Status, rows[2].Attempts, rows[2].ClaimedBy));
    }

    [PostgresFact]
    public async Task Two_dispatchers_in_parallel_send_each_of_200_messages_once()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Postgres);
        await using (var setup = database.CreateContext())
        {
            await OutboxScenario.QueueAsync(setup, 200);
        }

        var transport = new RecordingTransport();
        var clock = new ManualClock(OutboxScenario.Start);

        await Task.WhenAll(Enumerable.Range(1, 2).Select(node => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            var dispatcher = OutboxScenario.Dispatcher(db, transport, clock, new OutboxOptions { NodeId = $"node-{node}", BatchSize = 7 });
            await dispatcher.DispatchAllDueAsync(CancellationToken.None);
        })));

        await using var check = database.CreateContext();
        var ids = transport.Sent.Select(m => m.MessageId).ToList();
        Assert.Equal(200, ids.Count);
        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(200, await check.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1));
    }
}
