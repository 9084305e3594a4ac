using System.Globalization;
using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Benchmarks;

internal sealed record Options(DatabaseProvider Provider, string Connection, int Clients, int Warmup, int Seconds, int Instances, int Versions, int? Pool, bool Timeline, bool Reference, string? Pgbench)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Enum.Parse<DatabaseProvider>(Get("provider") ?? "Sqlite", ignoreCase: true),
            Get("connection") ?? "",
            Int("clients", 16),
            Int("warmup", 40),
            Int("seconds", 20),
            Int("instances", 1000),
            Int("versions", 1),
            Get("pool") is { } pool ? int.Parse(pool, CultureInfo.InvariantCulture) : null,
            args.Contains("--timeline"),
            !args.Contains("--no-reference"),
            Get("pgbench"));
    }
}
