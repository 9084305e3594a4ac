using System.Diagnostics;
using System.Globalization;

namespace DigitalWallonia.Platform.Benchmarks;

/// <summary>
/// CPU seconds used by this process, by the PostgreSQL server (the postmaster and its children, read from /proc: the
/// server runs on this machine), and by the whole machine, so a run shows who had the two cores: the platform, the
/// database or the other work on the machine. Linux only; elsewhere the server and machine figures are NaN.
/// </summary>
internal sealed class CpuMeter(int? postmasterPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public CpuSample Sample() => new(
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        postmasterPid is { } pid ? ServerSeconds(pid) : double.NaN,
        MachineSeconds());

    /// <summary>The postmaster of the server behind a backend process id (its parent).</summary>
    public static int? PostmasterOf(int backendPid) =>
        ReadStat(backendPid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static double ServerSeconds(int postmaster)
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { } fields
                && (pid == postmaster || fields[1] == postmaster.ToString(CultureInfo.InvariantCulture)))
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks / TicksPerSecond;
    }

    // Fields of /proc/PID/stat after "(comm)": [0] state, [1] ppid, ... [11] utime, [12] stime.
    private static string[]? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Busy time of all cores: the first line of /proc/stat minus idle and iowait.
    private static double MachineSeconds()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (fields.Take(8).Sum() - fields[3] - fields[4]) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}

internal readonly record struct CpuSample(double Process, double Server, double Machine)
{
    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Process - b.Process, a.Server - b.Server, a.Machine - b.Machine);
}
