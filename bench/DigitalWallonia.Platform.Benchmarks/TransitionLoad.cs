using System.Diagnostics;
using System.Globalization;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Benchmarks;

internal static class TransitionLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var (connection, drop, postmaster) = await BenchDatabase.CreateAsync(options.Provider, options.Connection, options.Pool);
        var content = BenchContent.Create(options.Versions);
        try
        {
            await using var reference = options.Provider == DatabaseProvider.Postgres && options.Reference && PgbenchReference.Locate(options.Pgbench) is { } pgbench
                ? await PgbenchReference.CreateAsync(pgbench, options.Connection, options.Clients)
                : null;
            await using var services = Build(options.Provider, connection, content);
            await PlatformDatabase.PrepareAsync(services, CancellationToken.None);
            Console.Error.WriteLine($"seeding {options.Instances} dossiers over {options.Versions} definition version(s)...");
            var references = await BenchSeed.SeedAsync(services, options.Instances, options.Versions);

            var handler = new Actor("bench", "Bench", ["case-handler"]);
            var latencies = new List<(double At, double Ms)>[options.Clients];
            var conflicts = 0;
            var cpu = new CpuMeter(postmaster);
            using var roundTrips = new RoundTripCounter();
            // Nothing is recorded during the warm-up: the JIT's optimised code arrives late when the cores are contended.
            // A thread of its own refreshes the planner's statistics three quarters into it (BenchSeed.AnalyzeAsync) and
            // reads the counters at its end: SQLite's calls are synchronous and keep every thread-pool thread busy, so a
            // timer continuation there ran seconds late and undercounted per firing.
            var before = reference is null ? null : await reference.RunAsync(options.Seconds);
            (CpuSample Cpu, (long Commands, long Transactions) Trips) atStart = default;
            var clock = Stopwatch.StartNew();
            var measured = new Thread(() =>
            {
                Thread.Sleep(TimeSpan.FromSeconds(options.Warmup * 0.75));
                BenchSeed.AnalyzeAsync(services).GetAwaiter().GetResult(); // a thread of its own: blocking is fine
                var left = TimeSpan.FromSeconds(options.Warmup) - clock.Elapsed;
                Thread.Sleep(left > TimeSpan.Zero ? left : TimeSpan.Zero);
                atStart = (cpu.Sample(), roundTrips.Snapshot);
            }) { IsBackground = true, Priority = ThreadPriority.Highest };
            measured.Start();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Warmup + options.Seconds));
            var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
            {
                latencies[c] = [];
                var random = new Random(c);
                var state = new Dictionary<string, string>();
                while (!stop.IsCancellationRequested)
                {
                    // Client c owns every dossier i with i % clients == c: distinct dossiers, no conflicts by design.
                    var index = random.Next(references.Count / options.Clients) * options.Clients + c;
                    var reference = references[index];
                    var action = state.GetValueOrDefault(reference, "a") == "a" ? "ping" : "pong";
                    var started = Stopwatch.GetTimestamp();
                    await using var scope = services.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>()
                        .FireAsync(reference, new ActorActionFired(action), handler, CancellationToken.None);
                    if (!report.Accepted)
                    {
                        Interlocked.Increment(ref conflicts);
                    }

                    state[reference] = report.State;
                    if (clock.Elapsed.TotalSeconds >= options.Warmup)
                    {
                        latencies[c].Add((clock.Elapsed.TotalSeconds - options.Warmup, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                    }
                }
            })).ToList();
            await Task.WhenAll(clients);
            var measuredSeconds = clock.Elapsed.TotalSeconds - options.Warmup;
            measured.Join();
            var (cpuAtStart, tripsAtStart) = atStart;
            var used = cpu.Sample() - cpuAtStart;
            var (commands, transactions) = roundTrips.Snapshot;
            var all = latencies.SelectMany(l => l).Select(l => l.Ms).Order().ToList();
            if (options.Timeline)
            {
                PrintTimeline(latencies.SelectMany(l => l));
            }

            string P(double q) => all[Math.Min(all.Count - 1, (int)(q * all.Count))].ToString("0.0", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"provider={options.Provider} clients={options.Clients} pool={(options.Provider == DatabaseProvider.Postgres ? options.Pool ?? PersistenceServiceCollectionExtensions.DefaultPoolSize : 1)} instances={options.Instances} versions={options.Versions} "
                + $"transitions={all.Count} per_second={all.Count / measuredSeconds:0} p50_ms={P(0.50)} p99_ms={P(0.99)} rejected={conflicts}"));
            // Per firing: round trips (commands + commits), and CPU milliseconds of this process, of the PostgreSQL server
            // and of everything else on the machine (other work competing for the same cores).
            double PerFiring(double seconds) => seconds * 1000 / Math.Max(1, all.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round_trips_per_firing={(commands - tripsAtStart.Commands + transactions - tripsAtStart.Transactions) / (double)Math.Max(1, all.Count):0.00} "
                + $"(commands={(commands - tripsAtStart.Commands) / (double)Math.Max(1, all.Count):0.00}) "
                + $"cpu_ms_per_firing: bench={PerFiring(used.Process):0.00} server={PerFiring(used.Server):0.00} "
                + $"other={PerFiring(used.Machine - used.Process - (double.IsNaN(used.Server) ? 0 : used.Server)):0.00} "
                + $"machine_busy={used.Machine / measuredSeconds / Environment.ProcessorCount:P0}"));
            if (reference is not null)
            {
                var after = await reference.RunAsync(options.Seconds);
                ReportReference(reference, before!, after, options.Seconds, all.Count / measuredSeconds, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(0.99 * all.Count))]);
            }
            else if (options.Provider == DatabaseProvider.Postgres && options.Reference)
            {
                Console.WriteLine("reference=none (pgbench not found: install the PostgreSQL client package or pass --pgbench PATH)");
            }

            return 0;
        }
        finally
        {
            await drop();
            Directory.Delete(content, recursive: true);
        }
    }

    /// <summary>
    /// The pgbench runs that bracket the measurement and the ratios to their mean: the figures to compare across runs
    /// on a shared machine (docs/benchmarks.md, "A reference from the same run").
    /// </summary>
    private static void ReportReference(PgbenchReference reference, PgbenchReference.Result before, PgbenchReference.Result after, int seconds, double perSecond, double p50, double p99)
    {
        foreach (var (when, r) in new[] { ("before", before), ("after", after) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reference=pgbench_tpcb run={when} clients={reference.Clients} scale={reference.Scale} seconds={seconds} transactions={r.Transactions} tps={r.Tps:0} p50_ms={r.P50Ms:0.0} p99_ms={r.P99Ms:0.0}"));
        }

        var (tps, refP50, refP99) = ((before.Tps + after.Tps) / 2, (before.P50Ms + after.P50Ms) / 2, (before.P99Ms + after.P99Ms) / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio: transitions_per_pgbench_tx={perSecond / tps:0.000} p50_vs_pgbench={p50 / refP50:0.00} p99_vs_pgbench={p99 / refP99:0.00} (pgbench: mean of before and after; before/after tps {before.Tps / after.Tps:0.00})"));
    }

    // Per measured second: transitions, p50, p99 and worst latency, to tell a steady tail from pauses.
    private static void PrintTimeline(IEnumerable<(double At, double Ms)> latencies)
    {
        foreach (var second in latencies.GroupBy(l => (int)l.At).OrderBy(g => g.Key))
        {
            var sorted = second.Select(l => l.Ms).Order().ToList();
            double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  second {second.Key,3}: {sorted.Count,5} transitions p50 {P(0.5),6:0.0} ms p99 {P(0.99),6:0.0} ms max {sorted[^1],6:0.0} ms"));
        }
    }

    private static ServiceProvider Build(DatabaseProvider provider, string connection, string content)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connection,
            ["Content:Root"] = content,
            ["Audit:Key"] = Convert.ToBase64String(new byte[32]),
            ["Mailboxes:Roles:case-handler"] = "dgo6@example.org",
        }).Build());
        services.AddLogging();
        services.AddPlatform();
        return services.BuildServiceProvider();
    }
}
