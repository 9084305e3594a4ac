using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace DigitalWallonia.Platform.Benchmarks;

/// <summary>
/// The machine's reference for the transition bench: pgbench's built-in TPC-B-like script on the same PostgreSQL
/// server, with the same number of clients and as many seconds, run by the same process just before the warm-up and
/// right after the measurement (the machine's load drifts; the two runs bracket the measurement).
/// Absolute figures on a shared machine vary twofold from one hour to the next; the ratio of the platform's figures to
/// pgbench's, both taken under the same load, varies much less. The scale factor equals the client count (pgbench's
/// documentation: fewer branches than clients measures contention on the branch rows, not the machine), so, like the
/// platform's clients, pgbench's rarely wait for each other.
/// </summary>
internal sealed class PgbenchReference : IAsyncDisposable
{
    private readonly string _pgbench;
    private readonly string _adminConnection;
    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly string _logs;
    private int _runs;

    private PgbenchReference(string pgbench, string adminConnection, string database, int clients)
    {
        _pgbench = pgbench;
        _adminConnection = adminConnection;
        _server = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database };
        _logs = Directory.CreateTempSubdirectory("dw-pgbench-").FullName;
        Clients = clients;
    }

    public sealed record Result(double Tps, double P50Ms, double P99Ms, int Transactions);

    public int Clients { get; }

    /// <summary>The scale factor: one branch per client.</summary>
    public int Scale => Clients;

    /// <summary>pgbench from the PostgreSQL client package (the newest /usr/lib/postgresql/*/bin), else the PATH.</summary>
    public static string? Locate(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? given : null;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "pgbench"))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(d => Path.Combine(d, "pgbench")).FirstOrDefault(File.Exists);
    }

    /// <summary>A throwaway database on the server, initialised by <c>pgbench -i</c>.</summary>
    public static async Task<PgbenchReference> CreateAsync(string pgbench, string adminConnection, int clients)
    {
        var name = $"dw_pgbench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var reference = new PgbenchReference(pgbench, adminConnection, name, clients);
        Console.Error.WriteLine($"pgbench reference: initialising scale {reference.Scale}...");
        await reference.PgbenchAsync("-i", "-q", "-s", reference.Scale.ToString(CultureInfo.InvariantCulture));
        return reference;
    }

    /// <summary>The TPC-B-like script for <paramref name="seconds"/>, with this reference's clients.</summary>
    public async Task<Result> RunAsync(int seconds)
    {
        var prefix = Path.Combine(_logs, "run" + (++_runs).ToString(CultureInfo.InvariantCulture));
        Console.Error.WriteLine($"pgbench reference: TPC-B-like, {Clients} clients, {seconds} s...");
        var output = await PgbenchAsync("-c", Clients.ToString(CultureInfo.InvariantCulture),
            "-j", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "-T", seconds.ToString(CultureInfo.InvariantCulture),
            "-l", "--log-prefix", prefix);
        var tps = output.Split('\n').Where(l => l.StartsWith("tps = ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[6..].Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        // Per-transaction log lines: client transaction latency_us script epoch_s epoch_us.
        var latencies = Directory.GetFiles(_logs, Path.GetFileName(prefix) + ".*")
            .SelectMany(File.ReadLines)
            .Select(l => l.Split(' '))
            .Where(f => f.Length >= 3)
            .Select(f => double.Parse(f[2], CultureInfo.InvariantCulture) / 1000)
            .Order()
            .ToList();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new Result(tps, P(0.50), P(0.99), latencies.Count);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_server.Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        Directory.Delete(_logs, recursive: true);
    }

    private async Task<string> PgbenchAsync(params string[] args)
    {
        var start = new ProcessStartInfo(_pgbench)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _logs,
        };
        foreach (var a in new[] { "-h", _server.Host!, "-p", _server.Port.ToString(CultureInfo.InvariantCulture), "-U", _server.Username ?? "postgres" }.Concat(args).Append(_server.Database!))
        {
            start.ArgumentList.Add(a);
        }

        if (_server.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start: " + _pgbench);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout + await stderr;
    }
}
