using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DigitalWallonia.Platform.Benchmarks;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Hosting;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Api.Benchmarks;

/// <summary>
/// Three measured phases of the same length after a warm-up of both paths: the engine (DossierWorkflow, as
/// DigitalWallonia.Platform.Benchmarks fires it), the HTTP API, the engine again. The API's rate is compared with the mean
/// of the two engine phases around it, so a change of the machine's load during the run shows as a before/after quotient
/// far from 1 instead of skewing the ratio.
/// </summary>
internal static class ApiLoad
{
    private const string ClientId = "bench";
    private const string Secret = "bench-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var server = Get("connection") ?? throw new ArgumentException("--connection names the PostgreSQL server (a maintenance connection string).");
        var (clients, warmup, seconds, instances) = (Int("clients", 16), Int("warmup", 40), Int("seconds", 20), Int("instances", 1000));

        var (connection, drop, postmaster) = await BenchDatabase.CreateAsync(DatabaseProvider.Postgres, server, pool: null);
        var content = BenchContent.Create(1);
        try
        {
            await using var app = DigitalWalloniaWeb.Build([], builder => Configure(builder, connection, content));
            await app.StartAsync();
            Console.Error.WriteLine($"seeding {instances} dossiers...");
            var references = await BenchSeed.SeedAsync(app.Services, instances, 1);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(app.Urls.First()) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));

            var handler = new Actor("bench", "Bench", ["case-handler"]);
            var engine = new Path("engine", async (reference, action) =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>()
                    .FireAsync(reference, new ActorActionFired(action), handler, CancellationToken.None);
                return report.Accepted ? report.State : null;
            });
            var api = new Path("api", async (reference, action) =>
            {
                using var body = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri($"/api/v1/dossiers/{reference}/actions/{action}", UriKind.Relative), body);
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }

                using var outcome = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                return outcome.RootElement.GetProperty("state").GetString();
            });

            var load = new Load(references, clients, postmaster);
            Console.Error.WriteLine($"warming up both paths for {warmup} s...");
            await load.RunAsync(engine, TimeSpan.FromSeconds(warmup / 2.0));
            await BenchSeed.AnalyzeAsync(app.Services);
            await load.RunAsync(api, TimeSpan.FromSeconds(warmup / 2.0));
            var before = await load.RunAsync(engine, TimeSpan.FromSeconds(seconds));
            var through = await load.RunAsync(api, TimeSpan.FromSeconds(seconds));
            var after = await load.RunAsync(engine, TimeSpan.FromSeconds(seconds));

            Report("engine", "before", before, clients, instances);
            Report("api", "between", through, clients, instances);
            Report("engine", "after", after, clients, instances);
            var engineRate = (before.PerSecond + after.PerSecond) / 2;
            var ratio = through.PerSecond / engineRate;
            var p99 = through.Percentile(0.99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio: api_per_engine={ratio:0.00} (engine: mean of before and after; before/after {before.PerSecond / after.PerSecond:0.00}) "
                + $"api_p99_ms={p99:0.0} targets: ratio>=0.60 {(ratio >= 0.60 ? "met" : "NOT met")}, p99<80ms {(p99 < 80 ? "met" : "NOT met")}"));
            await app.StopAsync();
            return 0;
        }
        finally
        {
            await drop();
            Directory.Delete(content, recursive: true);
        }
    }

    // The web host as a node runs it, on the bench's database and content, with one machine client holding the case
    // handler's role. The outbox dispatcher and the scheduler are off, as in the engine's own bench: both paths measure
    // firings, not e-mail or timers.
    private static void Configure(WebApplicationBuilder builder, string connection, string content)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:Default"] = connection,
            ["Content:Root"] = content,
            ["Audit:Key"] = Convert.ToBase64String(new byte[32]),
            ["Seed:Demo"] = "false",
            ["Outbox:Enabled"] = "false",
            ["Scheduling:Enabled"] = "false",
            ["Mailboxes:Roles:case-handler"] = "dgo6@example.org",
            ["Identity:LocalProvider:Enabled"] = "true",
            // The bench measures a production node; the local provider only issues its machine client's tokens.
            ["Identity:LocalProvider:AllowInProduction"] = "true",
            ["Identity:LocalProvider:Clients:9:ClientId"] = ClientId,
            ["Identity:LocalProvider:Clients:9:DisplayName"] = "Bench",
            ["Identity:LocalProvider:Clients:9:Secret"] = Secret,
            ["Identity:LocalProvider:Clients:9:Scopes:0"] = "dw.act",
            ["Identity:LocalProvider:Clients:9:Roles:0"] = "case-handler",
        });
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["client_secret"] = Secret, ["scope"] = "dw.act",
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return token.RootElement.GetProperty("access_token").GetString() ?? throw new InvalidOperationException("The token response has no access token.");
    }

    private static void Report(string path, string run, Phase phase, int clients, int instances) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"path={path} run={run} clients={clients} instances={instances} transitions={phase.Latencies.Count} per_second={phase.PerSecond:0} "
            + $"p50_ms={phase.Percentile(0.50):0.0} p99_ms={phase.Percentile(0.99):0.0} rejected={phase.Rejected} "
            + $"cpu_ms_per_firing: bench={phase.Cpu.Process * 1000 / Math.Max(1, phase.Latencies.Count):0.00} "
            + $"server={phase.Cpu.Server * 1000 / Math.Max(1, phase.Latencies.Count):0.00} "
            + $"machine_busy={phase.Cpu.Machine / phase.Seconds / Environment.ProcessorCount:P0}"));

    /// <summary>One way of firing an action on a dossier: the state reached, or null when it was refused.</summary>
    private sealed record Path(string Name, Func<string, string, Task<string?>> Fire);

    private sealed record Phase(List<double> Latencies, double Seconds, int Rejected, CpuSample Cpu)
    {
        public double PerSecond => Latencies.Count / Seconds;

        public double Percentile(double q)
        {
            var sorted = Latencies.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        }
    }

    /// <summary>
    /// The clients: client c owns the dossiers whose index is c modulo the number of clients, so no two firings meet on
    /// a dossier (as in the engine's bench), and it remembers each one's state across phases to fire the action it expects
    /// (ping in a, pong in b).
    /// </summary>
    private sealed class Load(IReadOnlyList<string> references, int clients, int? postmaster)
    {
        private readonly Dictionary<string, string>[] _states = Enumerable.Range(0, clients).Select(_ => new Dictionary<string, string>()).ToArray();
        private readonly CpuMeter _cpu = new(postmaster);

        public async Task<Phase> RunAsync(Path path, TimeSpan duration)
        {
            var latencies = new List<double>[clients];
            var rejected = 0;
            var start = _cpu.Sample();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                latencies[c] = [];
                var random = new Random(c);
                var states = _states[c];
                while (clock.Elapsed < duration)
                {
                    var reference = references[random.Next(references.Count / clients) * clients + c];
                    var action = states.GetValueOrDefault(reference, "a") == "a" ? "ping" : "pong";
                    var started = Stopwatch.GetTimestamp();
                    var state = await path.Fire(reference, action);
                    latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (state is null)
                    {
                        Interlocked.Increment(ref rejected);
                    }
                    else
                    {
                        states[reference] = state;
                    }
                }
            })));
            var seconds = clock.Elapsed.TotalSeconds;
            return new Phase(latencies.SelectMany(l => l).ToList(), seconds, rejected, _cpu.Sample() - start);
        }
    }
}
