using System.Diagnostics;
using System.Globalization;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Hosting;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DigitalWallonia.Reporting.Benchmarks;

internal static class ReportingLoad
{
    private static readonly string[] Pages = ["/reporting", "/reporting/measures/M24", "/reporting/carriers", "/reporting/export.csv"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Arguments(args);
        var provider = Enum.Parse<DatabaseProvider>(options.GetValueOrDefault("provider", "Sqlite"), ignoreCase: true);
        var cycles = int.Parse(options.GetValueOrDefault("cycles", "8"), CultureInfo.InvariantCulture);
        var clients = int.Parse(options.GetValueOrDefault("clients", "8"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "5"), CultureInfo.InvariantCulture);

        var (connection, drop) = await DatabaseAsync(provider, options.GetValueOrDefault("connection"));
        try
        {
            var app = DigitalWalloniaWeb.Build([], builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Database:Provider"] = provider.ToString(),
                    ["ConnectionStrings:Default"] = connection,
                    ["Seed:Demo"] = "false",
                    ["Audit:Key"] = Convert.ToBase64String(new byte[32]),
                    // Nothing else runs beside the pages: no mail is sent, no deadline fires; nobody signs in on this host.
                    ["Outbox:Enabled"] = "false",
                    ["Scheduling:Enabled"] = "false",
                    ["Identity:LocalProvider:AllowInProduction"] = "true",
                });
            });
            await app.StartAsync();
            var started = Stopwatch.StartNew();
            var (tasks, values) = await SeedAsync(app.Services, cycles);
            Console.WriteLine($"seeded {cycles} published yearly cycles: {tasks} reports, {values} values ({started.Elapsed.TotalSeconds:0} s)");

            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            Console.WriteLine($"provider {provider}, {clients} clients, {warmup} s warm-up, {seconds} s measured, {Environment.ProcessorCount} cores");
            foreach (var page in Pages)
            {
                await LoadAsync(http, page, clients, TimeSpan.FromSeconds(warmup));
                var latencies = await LoadAsync(http, page, clients, TimeSpan.FromSeconds(seconds));
                latencies.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{page,-28} {latencies.Count / (double)seconds,8:0.0} req/s   p50 {Percentile(latencies, 0.50),6:0.0} ms   p95 {Percentile(latencies, 0.95),6:0.0} ms   p99 {Percentile(latencies, 0.99),6:0.0} ms"));
            }

            await app.StopAsync();
            await app.DisposeAsync();
            return 0;
        }
        finally
        {
            await drop();
        }
    }

    // Each client asks again as soon as it has its answer, for the whole duration.
    private static async Task<List<double>> LoadAsync(HttpClient http, string page, int clients, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var all = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(page, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return latencies;
        }));
        return all.SelectMany(l => l).ToList();
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // Every measure's yearly report answered (a value of its kind for each tracked indicator), validated and published, for
    // the years before last.
    private static async Task<(int Tasks, int Values)> SeedAsync(IServiceProvider services, int cycles)
    {
        var agency = new Actor("bench.agency", "Bench Agency", ["digital-agency"]);
        var thisYear = DateTime.UtcNow.Year;
        int tasks = 0, values = 0;
        for (var year = thisYear - cycles; year < thisYear; year++)
        {
            await using var scope = services.CreateAsyncScope();
            var s = scope.ServiceProvider;
            var db = s.GetRequiredService<PlatformDbContext>();
            var cycle = await s.GetRequiredService<ReportingCycles>().OpenAsync("yearly", ReportingPeriod.Yearly(year), CancellationToken.None);
            var rows = await db.Set<ReportingTask>().AsNoTracking().Where(t => t.CycleId == cycle.Id)
                .Join(db.Set<ReportingCarrier>(), t => t.CarrierKey, c => c.Key, (t, c) => new { t.Reference, t.MeasureId, c.PartyId })
                .ToListAsync();
            var reporting = s.GetRequiredService<ReportingTasks>();
            foreach (var row in rows)
            {
                var task = await db.Set<ReportingTask>().AsNoTracking().SingleAsync(t => t.Reference == row.Reference);
                var asked = await reporting.AskedAsync(task, CancellationToken.None);
                var answers = asked.Select(i => Answer(i, year)).ToList();
                var carrier = new Actor("bench.carrier", "Bench Carrier", [CarrierAccess.MandateRole], row.PartyId.ToString(CultureInfo.InvariantCulture));
                Require(await reporting.SubmitAsync(row.Reference, answers, carrier, CancellationToken.None), row.Reference);
                Require(await reporting.ValidateAsync(row.Reference, Assessments.All[(year + row.MeasureId.Length) % Assessments.All.Count], null, agency, CancellationToken.None), row.Reference);
                tasks++;
                values += answers.Count;
            }

            var published = await s.GetRequiredService<ReportingCycles>().PublishAsync(cycle.Id, agency, CancellationToken.None);
            if (!published.Published)
            {
                throw new InvalidOperationException(published.Refusal);
            }
        }

        return (tasks, values);
    }

    private static SubmittedValue Answer(Indicator indicator, int year) => indicator.Kind switch
    {
        IndicatorKind.YesNo => new SubmittedValue(indicator.Key) { YesNo = year % 2 == 0, Source = "bench" },
        IndicatorKind.Text => new SubmittedValue(indicator.Key) { Text = "bench", Source = "bench" },
        IndicatorKind.Percentage => new SubmittedValue(indicator.Key) { Number = (year % 50) + 12.5m, Source = "bench" },
        _ => new SubmittedValue(indicator.Key) { Number = (year * 7) % 1000, Source = "bench" },
    };

    private static void Require(ReportingOutcome outcome, string reference)
    {
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException($"{reference}: {outcome.Code} {outcome.Message}");
        }
    }

    private static async Task<(string Connection, Func<Task> Drop)> DatabaseAsync(DatabaseProvider provider, string? server)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("dw-bench-reporting-").FullName;
            return ($"Data Source={Path.Combine(folder, "bench.db")}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }

        var admin = server ?? throw new ArgumentException("--connection names the PostgreSQL server (the tool creates and drops a database of its own).");
        var name = $"dw_bench_reporting_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return (new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    private static Dictionary<string, string> Arguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
