using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class SmtpOutageTests
{
    [SmtpTheory, OnSqlite, OnPostgres]
    public async Task A_hundred_messages_queued_while_the_server_is_down_each_arrive_once_after_it_comes_back(DatabaseProvider provider)
    {
        await using var server = SmtpServer.Private();
        await using var database = await TestDatabase.MigratedAsync(provider);
        List<OutboxMessage> queued;
        await using (var setup = database.CreateContext())
        {
            queued = await OutboxScenario.QueueAsync(setup, 100, i => OutboxScenario.Message(language: i % 3 == 0 ? "nl" : "fr"));
        }

        var clock = new ManualClock(OutboxScenario.Start);
        var transport = OutboxScenario.Smtp(server.Port);
        await using var dbA = database.CreateContext();
        await using var dbB = database.CreateContext();
        var nodes = new[] { dbA, dbB }.Select((db, i) => OutboxScenario.Dispatcher(db, transport, clock,
            new OutboxOptions { NodeId = $"node-{i}", BatchSize = 30, FirstRetryDelay = TimeSpan.FromMinutes(1) })).ToList();
        Task BothAsync() => Task.WhenAll(nodes.Select(n => Task.Run(() => n.DispatchAllDueAsync(CancellationToken.None))));

        await BothAsync();
        await using var check = database.CreateContext();
        var afterOutage = await check.OutboxMessages.AsNoTracking().ToListAsync();
        await server.StartAsync();
        await BothAsync();
        var beforeRetryTime = Maildir.MessageIds(server.Maildir).Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        await BothAsync();

        Assert.All(afterOutage, m => Assert.Equal((OutboxStatus.Pending, 1, OutboxScenario.Start.AddMinutes(1)), (m.Status, m.Attempts, m.NextAttemptAt)));
        Assert.All(afterOutage, m => Assert.Contains("could not connect", m.LastError, StringComparison.Ordinal));
        Assert.Equal(0, beforeRetryTime);
        var received = Maildir.MessageIds(server.Maildir);
        Assert.Equal(queued.Select(m => m.MessageId).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        Assert.All(await check.OutboxMessages.AsNoTracking().ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 2), (m.Status, m.Attempts)));
    }
}
