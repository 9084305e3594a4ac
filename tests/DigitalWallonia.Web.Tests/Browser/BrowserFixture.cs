using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>
/// One web host on Kestrel (a free loopback port) with its local identity provider, and one chromium, for all browser
/// tests; each test opens its own context (its own cookies).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly bool _demo;
    private TestDatabase? _database;
    private WebApplication? _app;
    private string _keyFolder = string.Empty;
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(demo: false)
    {
    }

    /// <param name="demo">Load the demonstration data (Seed:Demo), as the embedded default does.</param>
    protected BrowserFixture(bool demo) => _demo = demo;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's services, for what a journey's other side does (the company through the platform, a reporting cycle).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("No chromium: the host was not started.");

    /// <summary>The host's database, to find the demo dossiers a journey works on.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("No chromium: the host was not started.");

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>axe-core as the front end's lock file pins it (Frontend/node_modules, installed by the web project's build).</summary>
    public string AxeScript { get; private set; } = string.Empty;

    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DigitalWallonia.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("The repository root (DigitalWallonia.sln) is not above the test binaries.");
        }
    }

    /// <summary>Screenshots land here, one per page visited (TestResults/ is ignored by git and kept by CI).</summary>
    public static string Artefacts => Path.Combine(RepositoryRoot, "TestResults", "artifacts", "web");

    public async Task InitializeAsync()
    {
        if (Chromium.Path is null)
        {
            return; // every test is skipped (or fails on CI) with the reason
        }

        _database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        _keyFolder = Path.Combine(Path.GetTempPath(), "dw-test-keys", Guid.NewGuid().ToString("N"));
        _app = await StartNodeAsync();
        BaseUrl = _app.Urls.Single();
        AxeScript = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "src", "DigitalWallonia.Web", "Frontend", "node_modules", "axe-core", "axe.min.js"));
        Directory.CreateDirectory(Artefacts);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A web host on Kestrel (a free loopback port) on the fixture's database: the site's, and for a test, another node
    /// of the same cluster (the caller stops it).
    /// </summary>
    public async Task<WebApplication> StartNodeAsync()
    {
        var database = _database ?? throw new InvalidOperationException("The fixture has no database.");
        // Development: the local demonstration provider refuses to run in Production.
        var app = DigitalWalloniaWeb.Build(["--environment", "Development"], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:Default"] = database.ConnectionString,
                // The workspace journeys work on the demonstration dossiers (loaded once, whichever node starts first).
                ["Seed:Demo"] = _demo ? "true" : "false",
                ["Audit:KeyFile"] = Path.Combine(_keyFolder, "audit.key"),
                // Every journey signs in from the same address.
                ["RateLimits:SignInPerMinute"] = "1000",
            });
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>A new browser context (its own cookies) on the landing page, its pages screenshotted under <paramref name="name"/>.</summary>
    public Task<SitePage> OpenAsync(string name) => SitePage.StartAsync(this, name);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The same host on the demonstration data: the workspace's journeys work on the demo dossiers and companies.</summary>
public sealed class DemoBrowserFixture() : BrowserFixture(demo: true);

[CollectionDefinition(Name)]
public sealed class DemoBrowserCollection : ICollectionFixture<DemoBrowserFixture>
{
    public const string Name = "browser-demo";
}
