using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>The plan's catalogue, the cycles and their recurring opener, the tasks, the public report (called by AddPlatform; harmless twice).</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PlanSeed)))
        {
            return services;
        }

        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations();
        services.TryAddScoped<PlanSeed>();
        services.TryAddScoped<ReportingDemo>();
        services.TryAddScoped<PlanCatalogue>();
        services.TryAddScoped<CarrierAccess>();
        services.TryAddScoped<ReportingCycles>();
        services.TryAddScoped<ReportingTasks>();
        services.TryAddScoped<ReportingWork>();
        services.TryAddScoped<PublicProgress>();
        services.TryAddSingleton<PublicProgressCache>();
        services.AddSingleton(sp => new RecurringJob(ReportingCycleJob.Name, typeof(ReportingCycleJob),
            sp.GetRequiredService<IOptions<ReportingOptions>>().Value.CheckInterval));
        return services;
    }
}
