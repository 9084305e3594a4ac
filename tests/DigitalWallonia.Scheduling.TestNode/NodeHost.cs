using DigitalWallonia.Platform;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Scheduling.TestNode;

/// <summary>Builds a scheduler node (a generic host running the platform's scheduler) over a given database.</summary>
public static class NodeHost
{
    /// <summary>
    /// Quartz's ADO store opens connections synchronously; on a loaded 2-core machine that starves the thread pool and
    /// delays cluster check-ins until other nodes think this one dead. More threads up front avoid it.
    /// </summary>
    public static void ReserveThreads() => ThreadPool.SetMinThreads(Math.Max(32, Environment.ProcessorCount * 8), 32);

    public static RunningNode Build(DatabaseProvider provider, string connectionString, string nodeId,
        IDictionary<string, string?>? settings = null, RecordingSettings? recording = null, TimeProvider? time = null, bool runScheduler = true,
        CapturedLog? log = null)
    {
        ReserveThreads();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
            ["Scheduling:InstanceId"] = nodeId,
            ["Scheduling:SweepInterval"] = "00:00:00.250",
            ["Scheduling:ClusterCheckinInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        log?.AddTo(builder.Logging);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddPlatform();
        if (runScheduler)
        {
            builder.Services.AddSchedulerHost();
        }

        builder.Services.TryAddSingleton(recording ?? new RecordingSettings());
        builder.Services.AddScoped<IDeadlineTarget, RecordingDeadlineTarget>();
        return new RunningNode(builder.Build());
    }
}
