using System.Collections.Concurrent;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class SmtpClaimTests
{
    [SmtpTheory, OnSqlite, OnPostgres]
    public async Task A_batch_that_outlives_its_claim_sends_nothing_twice(DatabaseProvider provider)
    {
        // The server takes 1 s per message, a send may take 2 s, a claim holds 2.5 s: shorter than three sends, so the
        // second node takes over the end of the first node's batch of six while the first is still sending.
        await using var server = SmtpServer.Private("delay=1");
        await server.StartAsync();
        await using var database = await TestDatabase.MigratedAsync(provider);
        List<OutboxMessage> queued;
        await using (var setup = database.CreateContext())
        {
            queued = await OutboxScenario.QueueAsync(setup, 6, _ => OutboxScenario.Message(at: DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var transport = OutboxScenario.Smtp(server.Port, o => o.TimeoutSeconds = 2);
        var batches = new ConcurrentDictionary<string, ConcurrentQueue<OutboxBatch>>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        async Task NodeAsync(string node)
        {
            await using var db = database.CreateContext();
            var options = new OutboxOptions { NodeId = node, BatchSize = 6, ClaimDuration = TimeSpan.FromSeconds(2.5) };
            var dispatcher = OutboxScenario.Dispatcher(db, transport, TimeProvider.System, options);
            while (await db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent, patience.Token) > 0)
            {
                var batch = await dispatcher.DispatchDueAsync(patience.Token);
                if (batch.Claimed > 0)
                {
                    batches.GetOrAdd(node, _ => new()).Enqueue(batch);
                }

                await Task.Delay(100, patience.Token);
            }
        }

        // node-a claims the six first; then node-b polls as a second node would.
        var first = Task.Run(() => NodeAsync("node-a"));
        await using (var watch = database.CreateContext())
        {
            while (!await watch.OutboxMessages.AnyAsync(m => m.ClaimedBy != null && m.ClaimedBy.StartsWith("node-a/"), patience.Token))
            {
                await Task.Delay(20, patience.Token);
            }
        }

        await Task.WhenAll(first, Task.Run(() => NodeAsync("node-b")));

        var received = Maildir.MessageIds(server.Maildir);
        Assert.Equal(queued.Select(m => m.MessageId).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        await using var check = database.CreateContext();
        Assert.All(await check.OutboxMessages.AsNoTracking().ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, null), (m.Status, m.ClaimedBy)));
        // node-a stopped when it found its next message taken over, and node-b sent the rest.
        var firstBatch = batches["node-a"].First();
        Assert.Equal(6, firstBatch.Claimed);
        Assert.InRange(firstBatch.Sent, 1, 5);
        Assert.Equal(6, batches.Values.SelectMany(b => b).Sum(b => b.Sent));
        Assert.True(batches.TryGetValue("node-b", out var taken) && taken.Sum(b => b.Sent) > 0, "node-b took nothing over");
    }
}
