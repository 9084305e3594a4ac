using DigitalWallonia.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Cli;

/// <summary>
/// The platform's services for commands that touch the database, configured like the web host: environment variables
/// (<c>Database__Provider</c>, <c>ConnectionStrings__Default</c>, <c>Audit__Key</c>), overridden by <c>--provider</c>
/// and <c>--connection</c>, or any configuration key given as an option (<c>--Audit:Key BASE64</c>); by default the
/// embedded SQLite file ./data/digitalwallonia.db.
/// </summary>
internal static class PlatformServices
{
    public static ServiceProvider Build(CliArgs args)
    {
        var overrides = args.Options
            .Where(o => o.Key.Contains(':', StringComparison.Ordinal))
            .ToDictionary(o => o.Key, o => o.Value);
        if (args.Option("provider") is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (args.Option("connection") is { } connection)
        {
            overrides["ConnectionStrings:Default"] = connection;
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddPlatform();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
