using System.Data.Common;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class OutboxIndexTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_claim_finds_due_messages_through_its_indexes_not_by_reading_the_sent_ones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        // A table as it looks in production: mostly sent rows; some waiting for a later attempt, some being sent; few due.
        var model = TemplateRenderingTests.Example("dossier-received");
        var queued = await OutboxScenario.QueueAsync(db, 3000, _ => OutboxScenario.Message(model: model));
        var start = OutboxScenario.Start;
        await SetAsync(db, queued[20].Id, queued[299].Id, OutboxStatus.Pending, start.AddHours(1), null);
        await SetAsync(db, queued[300].Id, queued[399].Id, OutboxStatus.Sending, start, start.AddMinutes(10));
        await SetAsync(db, queued[400].Id, queued[404].Id, OutboxStatus.Sending, start, start.AddMinutes(-1));
        await db.OutboxMessages.Where(m => m.Id > queued[404].Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, start));
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        await using var query = OutboxDispatcher.DueIds(db, OutboxScenario.Start, new OutboxOptions()).CreateDbCommand();

        var plan = await PlanAsync(query, provider);

        Assert.Contains("IX_OutboxMessages_Status_NextAttemptAt", plan, StringComparison.Ordinal);
        Assert.Contains("IX_OutboxMessages_Status_ClaimedUntil", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(provider == DatabaseProvider.Postgres ? "Seq Scan" : "SCAN OutboxMessages", plan, StringComparison.Ordinal);
    }

    private static Task SetAsync(PlatformDbContext db, long from, long to, OutboxStatus status, DateTimeOffset next, DateTimeOffset? claimedUntil) =>
        db.OutboxMessages.Where(m => m.Id >= from && m.Id <= to).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedUntil, claimedUntil));

    private static async Task<string> PlanAsync(DbCommand query, DatabaseProvider provider)
    {
        query.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + query.CommandText;
        var lines = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return string.Join('\n', lines);
    }
}
