using System.Net;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Account;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests.SignIn;

/// <summary>
/// The web host in memory with its local identity provider, on a test database. The OIDC handler's back channel (discovery,
/// token) goes to the same in-memory server, as it goes to the same Kestrel server in production-like runs.
/// </summary>
internal sealed class AppHost : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider? _clock;

    public AppHost(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();
        _clock = clock;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var keyFolder = Path.Combine(Path.GetTempPath(), "dw-test-keys", Guid.NewGuid().ToString("N"));
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Audit:KeyFile", Path.Combine(keyFolder, "audit.key"));
        builder.UseSetting("Authentication:Authority", "http://localhost/");
        builder.UseSetting("Identity:LocalProvider:AppAddresses:0", "http://localhost/");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Both providers' back channels (the companies' and, when configured, the staff's) reach this in-memory server.
            services.ConfigureAll<OpenIdConnectOptions>(options => options.BackchannelHttpHandler = Server.CreateHandler());
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }
        });
    }

    /// <summary>A browser-like client: its own cookie jar, redirects followed or not.</summary>
    public HttpClient Browser(CookieContainer? cookies = null, bool followRedirects = true)
    {
        var jar = new CookieContainerHandler(cookies ?? new CookieContainer());
        var client = followRedirects ? CreateDefaultClient(new RedirectHandler(), jar) : CreateDefaultClient(jar);
        return client;
    }
}
