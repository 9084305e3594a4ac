using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>
/// The platform's services over a test database and a content folder made of the repository's roles and the test
/// project's workflows, rules and templates (TestContent/), with a clock the test moves.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private readonly string? _throwawayContent;
    private readonly bool _ownsDatabase;

    private TestPlatform(TestDatabase database, ServiceProvider services, string? throwawayContent, TestClock clock, bool ownsDatabase)
    {
        _ownsDatabase = ownsDatabase;
        Database = database;
        Services = services;
        _throwawayContent = throwawayContent;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public TestClock Clock { get; }

    /// <summary>
    /// Starts on the test content (TestContent/), or with <paramref name="shippedContent"/> on the repository's own
    /// workflows/, rules/ and templates/ (read in place, never written): what the programme tests drive.
    /// <paramref name="register"/> adds services before the platform's, which then keeps them (a guard evaluator that waits).
    /// With <paramref name="sharedDatabase"/> it is a second node on another platform's database, which it leaves in place.
    /// </summary>
    public static async Task<TestPlatform> StartAsync(DatabaseProvider provider, DateTimeOffset? now = null, Action<Dictionary<string, string?>>? configure = null,
        bool shippedContent = false, Action<IServiceCollection>? register = null, TestDatabase? sharedDatabase = null)
    {
        var database = sharedDatabase ?? await TestDatabase.EmptyAsync(provider);
        var throwaway = shippedContent ? null : TestContent.CreateFolder();
        var content = throwaway ?? TestContent.RepositoryRoot();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Content:Root"] = content,
            ["Audit:Key"] = Convert.ToBase64String(new byte[32]),
            ["Mailboxes:Roles:case-handler"] = "dgo6@example.org",
            ["Aid:Programmes:test:Wallet"] = "cheques-entreprises",
            ["Aid:Programmes:test:Theme"] = "digital",
            ["Aid:Programmes:test:ChequeType"] = "digital-maturity",
        };
        configure?.Invoke(settings);
        var clock = new TestClock(now ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        register?.Invoke(services);
        services.AddPlatform();
        services.AddScoped<DigitalWallonia.Platform.Scheduling.IDeadlineTarget, DigitalWallonia.Platform.Dossiers.WorkflowDeadlineTarget>();
        var serviceProvider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await PlatformDatabase.PrepareAsync(serviceProvider, CancellationToken.None);
        return new TestPlatform(database, serviceProvider, throwaway, clock, ownsDatabase: sharedDatabase is null);
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
        if (_throwawayContent is not null)
        {
            Directory.Delete(_throwawayContent, recursive: true);
        }
    }
}
