using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Scheduling.TestNode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Scheduling;

/// <summary>Real Quartz schedulers on the tables of our own migration: embedded (SQLite) and clustered (PostgreSQL, SQL Server).</summary>
public class SchedulerNodeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task A_scheduler_on_our_migrated_tables_runs_the_sweeper_and_fires_due_deadlines(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        await SchedulingFixture.AddDeadlinesAsync(database, dossier, 20, DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var node = NodeHost.Build(provider, database.ConnectionString, "node-a");

        await node.StartAsync();
        await Eventually.HoldsAsync(async () => (await SchedulingFixture.StatusesAsync(database)).GetValueOrDefault(DeadlineStatus.Fired) == 20, Patience, "20 deadlines fired");
        var scheduler = node.Services.GetRequiredService<SchedulerHost>().Scheduler!; // started above
        var metadata = await scheduler.GetMetaData();
        var jobs = await SchedulerHost.RecurringJobNamesAsync(scheduler, CancellationToken.None);
        await node.StopAsync();

        Assert.True(metadata.JobStoreSupportsPersistence);
        Assert.Equal(provider != DatabaseProvider.Sqlite, metadata.JobStoreClustered);
        Assert.Contains(DeadlineSweepJob.Name, jobs);
        await using var db = database.CreateContext();
        Assert.Equal(20, await FiringLog.CountAsync(db, default));
    }

    [PostgresFact]
    public async Task Two_clustered_nodes_fire_ten_thousand_due_deadlines_exactly_once()
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(DatabaseProvider.Postgres);
        await using var _ = database;
        await SchedulingFixture.AddDeadlinesAsync(database, dossier, 10_000, DateTimeOffset.UtcNow.AddMinutes(-1));
        // A short budget makes the nodes take turns: Quartz runs the non-concurrent sweeper on one node at a time.
        var settings = new Dictionary<string, string?> { ["Scheduling:SweepBudget"] = "00:00:01" };
        await using var nodeA = NodeHost.Build(DatabaseProvider.Postgres, database.ConnectionString, "node-a", settings);
        await using var nodeB = NodeHost.Build(DatabaseProvider.Postgres, database.ConnectionString, "node-b", settings);

        await Task.WhenAll(nodeA.StartAsync(), nodeB.StartAsync());
        await Eventually.HoldsAsync(async () => (await SchedulingFixture.StatusesAsync(database)).GetValueOrDefault(DeadlineStatus.Fired) == 10_000, Patience, "10,000 deadlines fired");
        await Task.WhenAll(nodeA.StopAsync(), nodeB.StopAsync());

        await using var db = database.CreateContext();
        var firings = await FiringLog.DeadlineFiringsAsync(db, default);
        Assert.Equal(10_000, firings.Count);
        Assert.All(firings.Values, count => Assert.Equal(1, count));
        Assert.Equal(10_000, await FiringLog.CountAsync(db, default));
        var nodes = await db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
        Assert.Equal(["node-a", "node-b"], nodes.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task A_host_stopped_with_pending_deadlines_fires_them_when_started_again()
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(DatabaseProvider.Postgres);
        await using var _ = database;
        await SchedulingFixture.AddDeadlinesAsync(database, dossier, 2_000, DateTimeOffset.UtcNow.AddMinutes(-1));
        var slow = new RecordingSettings { FireDelay = TimeSpan.FromMilliseconds(5) };

        await using (var first = NodeHost.Build(DatabaseProvider.Postgres, database.ConnectionString, "node-a", recording: slow))
        {
            await first.StartAsync();
            await Eventually.HoldsAsync(async () => (await SchedulingFixture.StatusesAsync(database)).GetValueOrDefault(DeadlineStatus.Fired) > 0, Patience, "a first firing");
            await first.StopAsync();
        }

        var pendingAfterStop = (await SchedulingFixture.StatusesAsync(database)).GetValueOrDefault(DeadlineStatus.Pending);
        await using (var db = database.CreateContext())
        {
            // The stopped node handed its unfired claims back.
            Assert.Equal(0, await db.Deadlines.CountAsync(d => d.Status == DeadlineStatus.Pending && d.ClaimedBy != null));
        }

        await using (var second = NodeHost.Build(DatabaseProvider.Postgres, database.ConnectionString, "node-a-restarted"))
        {
            await second.StartAsync();
            await Eventually.HoldsAsync(async () => (await SchedulingFixture.StatusesAsync(database)).GetValueOrDefault(DeadlineStatus.Fired) == 2_000, Patience, "2,000 deadlines fired");
            await second.StopAsync();
        }

        Assert.True(pendingAfterStop > 0, "the first host was stopped before it had fired everything");
        await using var check = database.CreateContext();
        var firings = await FiringLog.DeadlineFiringsAsync(check, default);
        Assert.Equal(2_000, firings.Count);
        Assert.All(firings.Values, count => Assert.Equal(1, count));
    }
}
