using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class SmtpOutageTests
{
    [SmtpFact]
    public async Task Messages_queued_while_the_server_is_down_all_arrive_once_after_it_restarts()
    {
        await using var server = SmtpServer.Private();
        await server.StartAsync();
        await server.StopAsync();
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var queued = await OutboxScenario.QueueAsync(db, 100, i => OutboxScenario.Message(language: i % 3 == 0 ? "nl" : "fr"));
        var clock = new ManualClock(OutboxScenario.Start);
        var options = new OutboxOptions { BatchSize = 30, FirstRetryDelay = TimeSpan.FromMinutes(1) };
        var dispatcher = OutboxScenario.Dispatcher(db, OutboxScenario.Smtp(server.Port), clock, options);

        await dispatcher.DispatchAllDueAsync(CancellationToken.None);
        var afterOutage = await db.OutboxMessages.AsNoTracking().ToListAsync();
        await server.StartAsync();
        await dispatcher.DispatchAllDueAsync(CancellationToken.None);
        var beforeRetryTime = Maildir.MessageIds(server.Maildir).Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchAllDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchAllDueAsync(CancellationToken.None);

        Assert.All(afterOutage, m => Assert.Equal((OutboxStatus.Pending, 1, OutboxScenario.Start.AddMinutes(1)), (m.Status, m.Attempts, m.NextAttemptAt)));
        Assert.All(afterOutage, m => Assert.False(string.IsNullOrEmpty(m.LastError)));
        Assert.Equal(0, beforeRetryTime);
        var received = Maildir.MessageIds(server.Maildir);
        Assert.Equal(100, received.Count);
        Assert.Equal(queued.Select(m => $"<{m.MessageId}>").Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        Assert.All(await db.OutboxMessages.AsNoTracking().ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 2), (m.Status, m.Attempts)));
    }
}
