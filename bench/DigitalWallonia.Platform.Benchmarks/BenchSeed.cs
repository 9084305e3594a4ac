using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Benchmarks;

/// <summary>
/// Inserts dossiers in bulk, already in state a and pinned round-robin to the published versions: the measured firings
/// then run against a table of that size. (Opening 100,000 dossiers one by one through the workflow would take longer
/// than the measurement itself.)
/// </summary>
internal static class BenchSeed
{
    private const int Batch = 5_000;

    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, int count, int versions)
    {
        var references = new List<string>(count);
        for (var start = 0; start < count; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var reference = DossierReferences.Format("bench", 2026, i + 1);
                var dossier = Dossier.Open(reference, "bench", "a", DateTimeOffset.UtcNow);
                dossier.PinWorkflow("bench-cycle", i % versions + 1);
                dossier.ReplaceFacts("""{"company":{"region":"WAL"},"application":{"requestedAmount":10000}}""");
                db.Dossiers.Add(dossier);
                references.Add(reference);
            }

            await db.SaveChangesAsync();
            Console.Error.WriteLine($"  {references.Count} dossiers");
        }

        await SettleAsync(services);
        return references;
    }

    // A bulk insert leaves the database work to do (statistics, visibility maps, dirty pages) that autovacuum and the
    // checkpointer would otherwise do during the measurement, on the same two cores: a database of that size in service
    // has had it done long ago.
    private static async Task SettleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        string[] statements = db.Database.IsNpgsql() ? ["VACUUM ANALYZE", "CHECKPOINT"] : ["ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)"];
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }

    /// <summary>
    /// Brings the planner's statistics up to date with what the warm-up wrote. Taken right after the seed they describe
    /// empty deadline, history and outbox tables; PostgreSQL's autovacuum refreshes them within a minute or two, and the
    /// plans chosen meanwhile (run with 100,000 dossiers: half the throughput until the refresh) are not the service's.
    /// </summary>
    public static async Task AnalyzeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
