using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Scheduling.TestNode;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Tests.Scheduling;

/// <summary>
/// Quartz logs through one static provider per process (Quartz.Logging.LogContext), which every starting scheduler host
/// replaces: this test runs alone, so that no other test's host takes Quartz's log while it watches.
/// </summary>
[Collection(QuartzLogCollection.Name)]
public class QuartzLoggingTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Quartz_own_log_lines_reach_the_host_logger(DatabaseProvider provider)
    {
        var (database, _) = await SchedulingFixture.PrepareAsync(provider);
        await using var __ = database;
        var log = new CapturedLog();
        await using var node = NodeHost.Build(provider, database.ConnectionString, "node-a", log: log);

        await node.StartAsync();
        await node.StopAsync();

        // Quartz's scheduler announces its start and its shutdown itself, under its own categories.
        var quartz = log.Lines.Where(l => l.Category.StartsWith("Quartz.", StringComparison.Ordinal)).ToList();
        Assert.Contains(quartz, l => l.Level == LogLevel.Information && l.Message.Contains("started", StringComparison.Ordinal));
        Assert.Contains(quartz, l => l.Message.Contains("shutdown complete", StringComparison.OrdinalIgnoreCase));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuartzLogCollection
{
    public const string Name = "Quartz's static log provider";
}
