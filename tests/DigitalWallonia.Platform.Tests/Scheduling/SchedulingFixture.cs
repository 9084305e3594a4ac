using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Scheduling.TestNode;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Scheduling;

/// <summary>Test data for the scheduler: a migrated database with the firing log, a dossier, and deadlines added in bulk.</summary>
internal static class SchedulingFixture
{
    public static async Task<(TestDatabase Database, long DossierId)> PrepareAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        await FiringLog.CreateAsync(db, CancellationToken.None);
        var dossier = Dossier.Open("VOUCHER-2026-000001", "voucher", "submitted", DateTimeOffset.UnixEpoch);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return (database, dossier.Id);
    }

    /// <summary>Adds <paramref name="count"/> pending deadlines due at <paramref name="dueAt"/>, in batches.</summary>
    public static async Task AddDeadlinesAsync(TestDatabase database, long dossierId, int count, DateTimeOffset dueAt)
    {
        for (var done = 0; done < count; done += 2000)
        {
            await using var db = database.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + 2000); i++)
            {
                db.Deadlines.Add(new Deadline(dossierId, "decision", "submitted", dueAt, DateTimeOffset.UnixEpoch));
            }

            await db.SaveChangesAsync();
        }
    }

    public static async Task<Dictionary<DeadlineStatus, int>> StatusesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Deadlines.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }
}
