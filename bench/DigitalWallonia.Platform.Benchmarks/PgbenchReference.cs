using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace DigitalWallonia.Platform.Benchmarks;

/// <summary>
/// The machine's reference for the transition bench: pgbench's built-in TPC-B-like script on the same PostgreSQL
/// server, with the same number of clients and as many seconds, run in the same process right after the measurement.
/// Absolute figures on a shared machine vary twofold from one hour to the next; the ratio of the platform's figures to
/// pgbench's, both taken under the same load, varies much less. The scale factor equals the client count (pgbench's
/// documentation: fewer branches than clients measures contention on the branch rows, not the machine), so, like the
/// platform's clients, pgbench's rarely wait for each other.
/// </summary>
internal static class PgbenchReference
{
    public sealed record Result(int Clients, int Scale, double Tps, double P50Ms, double P99Ms, int Transactions);

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

    public static async Task<Result> RunAsync(string pgbench, string adminConnection, int clients, int seconds)
    {
        var name = $"dw_pgbench_{Guid.NewGuid():N}";
        var scale = clients;
        var logs = Directory.CreateTempSubdirectory("dw-pgbench-").FullName;
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var server = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name };
            Console.Error.WriteLine($"pgbench reference: initialising scale {scale}...");
            await PgbenchAsync(pgbench, server, logs, "-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture));
            Console.Error.WriteLine($"pgbench reference: TPC-B-like, {clients} clients, {seconds} s...");
            var output = await PgbenchAsync(pgbench, server, logs, "-c", clients.ToString(CultureInfo.InvariantCulture),
                "-j", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "-T", seconds.ToString(CultureInfo.InvariantCulture),
                "-l", "--log-prefix", Path.Combine(logs, "tx"));
            var tps = output.Split('\n').Where(l => l.StartsWith("tps = ", StringComparison.Ordinal))
                .Select(l => double.Parse(l[6..].Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
            // Per-transaction log lines: client transaction latency_us script epoch_s epoch_us.
            var latencies = Directory.GetFiles(logs, "tx.*")
                .SelectMany(File.ReadLines)
                .Select(l => l.Split(' '))
                .Where(f => f.Length >= 3)
                .Select(f => double.Parse(f[2], CultureInfo.InvariantCulture) / 1000)
                .Order()
                .ToList();
            double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
            return new Result(clients, scale, tps, P(0.50), P(0.99), latencies.Count);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(adminConnection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            Directory.Delete(logs, recursive: true);
        }
    }

    private static async Task<string> PgbenchAsync(string pgbench, NpgsqlConnectionStringBuilder server, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(pgbench)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in new[] { "-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username ?? "postgres" }.Concat(args).Append(server.Database!))
        {
            start.ArgumentList.Add(a);
        }

        if (server.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start: " + pgbench);
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
