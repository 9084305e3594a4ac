using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Content;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigitalWallonia.Platform.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Calendars, the deadline sweeper and the list of recurring jobs (called by AddPlatform; harmless twice). Runs
    /// nothing by itself: a host that should fire deadlines also calls <see cref="AddSchedulerHost"/>.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => SchedulerNode.From(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.CalendarsPath is { Length: > 0 } folder
            ? CalendarCatalogue.FromFolder(folder)
            : sp.GetService<ContentFolder>() is { } content && Directory.Exists(content.Calendars)
                ? CalendarCatalogue.FromFolder(content.Calendars) // a closure day added on a node applies without a rebuild
                : CalendarCatalogue.Embedded());
        services.TryAddSingleton<DeadlineSweeper>();
        if (!services.Any(d => d.ServiceType == typeof(RecurringJob) && d.ImplementationFactory is not null && d.ServiceKey is null && IsSweeper(d)))
        {
            services.AddSingleton(SweeperRegistration);
        }

        return services;
    }

    /// <summary>
    /// Runs the Quartz scheduler on this node as a hosted service. Register the <see cref="IDeadlineTarget"/> (scoped)
    /// too: the sweeper resolves it for every firing.
    /// </summary>
    public static IServiceCollection AddSchedulerHost(this IServiceCollection services)
    {
        services.AddScheduling();
        services.TryAddSingleton<SchedulerHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerHost>());
        return services;
    }

    /// <summary>Adds a job to the recurring jobs every scheduler node keeps scheduled (reporting cycles, retention...).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval) where TJob : class, IJob
    {
        services.AddSingleton(new RecurringJob(name, typeof(TJob), interval));
        return services;
    }

    private static RecurringJob SweeperRegistration(IServiceProvider services) =>
        new(DeadlineSweepJob.Name, typeof(DeadlineSweepJob), services.GetRequiredService<IOptions<SchedulingOptions>>().Value.SweepInterval);

    private static bool IsSweeper(ServiceDescriptor descriptor) =>
        descriptor.ImplementationFactory?.Method == ((Func<IServiceProvider, RecurringJob>)SweeperRegistration).Method;
}
