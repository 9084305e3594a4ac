using System.Diagnostics;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Scheduling.TestNode;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Scheduling;

public class KilledNodeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [PostgresFact]
    public async Task A_node_killed_with_SIGKILL_mid_sweep_loses_nothing_and_duplicates_nothing()
    {
        const int count = 3_000;
        var (database, dossier) = await SchedulingFixture.PrepareAsync(DatabaseProvider.Postgres);
        await using var _ = database;
        await SchedulingFixture.AddDeadlinesAsync(database, dossier, count, DateTimeOffset.UtcNow.AddMinutes(-1));

        // A separate process, so that the kill is a real SIGKILL (Process.Kill on Unix): no finally block, no hand-back.
        using var child = StartNode(database.ConnectionString, "doomed-node", fireDelayMs: 5, "Scheduling:ClaimTimeout=00:00:03");
        try
        {
            // Killed mid-sweep: after it has fired some, at a moment it holds claims it has not fired yet (between two
            // batches it holds none, and a kill then would prove nothing).
            await Eventually.HoldsAsync(async () => (await SchedulingFixture.StatusesAsync(database)).GetValueOrDefault(DeadlineStatus.Fired) >= 200
                && await HeldClaimsAsync(database) > 0, Patience, "the child node firing with claims in hand");
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var orphaned = await HeldClaimsAsync(database);

        await using var survivor = NodeHost.Build(DatabaseProvider.Postgres, database.ConnectionString, "survivor");
        await survivor.StartAsync();
        await Eventually.HoldsAsync(async () => (await SchedulingFixture.StatusesAsync(database)).GetValueOrDefault(DeadlineStatus.Fired) == count, Patience, $"{count} deadlines fired");
        await survivor.StopAsync();

        Assert.True(orphaned > 0, "the node was killed while it held claims");
        await using var check = database.CreateContext();
        var firings = await FiringLog.DeadlineFiringsAsync(check, default);
        Assert.Equal(count, firings.Count);
        Assert.All(firings.Values, n => Assert.Equal(1, n));
        Assert.Equal(["doomed-node", "survivor"], (await FiringLog.NodesAsync(check, default)).Order(StringComparer.Ordinal));
    }

    private static async Task<int> HeldClaimsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Deadlines.CountAsync(d => d.Status == DeadlineStatus.Pending && d.ClaimedBy == "doomed-node");
    }

    private static Process StartNode(string connectionString, string nodeId, int fireDelayMs, params string[] settings)
    {
        var program = typeof(NodeHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { program, nameof(DatabaseProvider.Postgres), connectionString, nodeId, fireDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the pipes so that the child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
