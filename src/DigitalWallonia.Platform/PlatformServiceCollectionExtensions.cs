using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Demo;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Everything the hosts (web, <c>dw</c>) need from the platform, configured from the host's configuration.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPlatformPersistence();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);
        services.TryAddSingleton(sp => AuditKey.Resolve(
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<AuditVerifier>();
        services.TryAddScoped<DemoData>();
        services.AddScheduling();
        return services;
    }
}
