// Deadlines benchmark: N pending deadlines due over a window, fired by two clustered scheduler nodes on PostgreSQL;
// prints how late each firing was (fired instant minus due instant). Usage (PostgreSQL from .ci/services.sh):
//   dotnet run -c Release --project bench/DigitalWallonia.Scheduling.Benchmarks -- [COUNT] [WINDOW-SECONDS] [NODES]
// The server comes from DW_TEST_POSTGRES; a throwaway database is created and dropped.
using System.Diagnostics;
using System.Globalization;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Scheduling.TestNode;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var window = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 120);
var nodeCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var server = Environment.GetEnvironmentVariable("DW_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set DW_TEST_POSTGRES (eval \"$(bash .ci/services.sh start /tmp/dw-bench)\").");

var name = $"dw_bench_{Guid.NewGuid():N}";
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
    await create.ExecuteNonQueryAsync();
}

var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
try
{
    await RunAsync(connection, count, window, nodeCount);
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
}

return 0;

static PlatformDbContext Context(string connection) =>
    PlatformDbContext.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, connection);

static async Task RunAsync(string connection, int count, TimeSpan window, int nodeCount)
{
    long dossierId;
    await using (var db = Context(connection))
    {
        await db.Database.MigrateAsync();
        await FiringLog.CreateAsync(db, CancellationToken.None);
        var dossier = DigitalWallonia.Platform.Dossiers.Dossier.Open("BENCH-2026-000001", "voucher", "submitted", DateTimeOffset.UtcNow);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        dossierId = dossier.Id;
    }

    var load = Stopwatch.StartNew();
    var parked = DateTimeOffset.UtcNow.AddYears(1);
    for (var done = 0; done < count; done += 5_000)
    {
        await using var db = Context(connection);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = done; i < Math.Min(count, done + 5_000); i++)
        {
            db.Deadlines.Add(new Deadline(dossierId, "decision", "submitted", parked, DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    // Due instants spread evenly over the window, starting a few seconds from now (after the nodes have started).
    var start = DateTimeOffset.UtcNow.AddSeconds(10);
    var step = window.Ticks / 10 / count; // microseconds between two due instants
    await using (var db = Context(connection))
    {
        await db.Database.ExecuteSqlAsync(
            $"UPDATE \"Deadlines\" SET \"DueAt\" = {start.UtcDateTime} + (\"Id\" - (SELECT MIN(\"Id\") FROM \"Deadlines\")) * {step} * interval '1 microsecond'");
    }

    Console.WriteLine($"{count:N0} deadlines loaded in {load.Elapsed.TotalSeconds:F1} s; due from {start:HH:mm:ss} over {window.TotalSeconds:F0} s; {nodeCount} node(s)");
    var nodes = Enumerable.Range(1, nodeCount)
        .Select(i => NodeHost.Build(DatabaseProvider.Postgres, connection, $"bench-node-{i}", new Dictionary<string, string?>
        {
            ["Scheduling:SweepInterval"] = "00:00:00.500",
            ["Scheduling:SweepBudget"] = "00:00:05",
        }))
        .ToList();
    foreach (var node in nodes)
    {
        await node.StartAsync();
    }

    var run = Stopwatch.StartNew();
    while (true)
    {
        await Task.Delay(1000);
        await using var db = Context(connection);
        var fired = await db.Deadlines.CountAsync(d => d.Status == DeadlineStatus.Fired);
        Console.WriteLine($"  t={run.Elapsed.TotalSeconds,5:F0} s  fired {fired,7:N0}");
        if (fired == count || run.Elapsed > window + TimeSpan.FromMinutes(5))
        {
            break;
        }
    }

    foreach (var node in nodes)
    {
        await node.DisposeAsync();
    }

    await using (var db = Context(connection))
    {
        var rows = await db.Deadlines.AsNoTracking().Where(d => d.FiredAt != null).Select(d => new { d.DueAt, d.FiredAt }).ToListAsync();
        var late = rows.Select(r => (r.FiredAt!.Value - r.DueAt).TotalSeconds).Order().ToArray(); // FiredAt filtered non-null
        double P(double q) => late[Math.Min(late.Length - 1, (int)(q * late.Length))];
        var firings = await FiringLog.DeadlineFiringsAsync(db, CancellationToken.None);
        var byNode = await db.Deadlines.Where(d => d.FiredAt != null).CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fired {late.Length:N0}/{count:N0}; fired twice: {firings.Values.Count(v => v > 1)}; lateness s: p50 {P(0.50):F2}, p95 {P(0.95):F2}, p99 {P(0.99):F2}, max {late[^1]:F2}; over 5 s: {late.Count(l => l > 5)}"));
        Console.WriteLine($"firings per node: {string.Join(", ", (await db.Database.SqlQueryRaw<string>("SELECT node || ': ' || COUNT(*) AS \"Value\" FROM test_firings GROUP BY node ORDER BY node").ToListAsync()))}");
        _ = byNode;
    }
}
