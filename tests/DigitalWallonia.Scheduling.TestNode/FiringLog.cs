using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Scheduling.TestNode;

/// <summary>
/// A table outside the platform's model in which <see cref="RecordingDeadlineTarget"/> writes one row per firing, in the
/// firing's own transaction: a committed firing has exactly one row, a rolled-back one none.
/// </summary>
public static class FiringLog
{
    public static Task CreateAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE test_firings (deadline_id bigint NOT NULL, reminder_id bigint NOT NULL, node varchar(200) NOT NULL, fired_at varchar(40) NOT NULL)",
            cancellationToken);

    public static Task<int> CountAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>("SELECT CAST(COUNT(*) AS integer) AS \"Value\" FROM test_firings").SingleAsync(cancellationToken);

    /// <summary>Deadline firings (reminders excluded) per deadline id.</summary>
    public static async Task<Dictionary<long, int>> DeadlineFiringsAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<long>("SELECT deadline_id AS \"Value\" FROM test_firings WHERE reminder_id = 0").ToListAsync(cancellationToken);
        return rows.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
    }

    public static async Task<List<string>> NodesAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string>("SELECT DISTINCT node AS \"Value\" FROM test_firings").ToListAsync(cancellationToken);
}
