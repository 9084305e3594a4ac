using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace DigitalWallonia.Web.Tests.SignIn;

/// <summary>The demonstration provider never signs real people in by accident.</summary>
public class ProductionTests
{
    [Fact]
    public void The_host_refuses_to_start_in_Production_with_the_local_demonstration_provider_on()
    {
        // appsettings.json turns the provider on for the embedded default; nothing else is set.
        var error = Assert.Throws<InvalidOperationException>(() => DigitalWalloniaWeb.Build(["--environment", "Production"]));

        Assert.Contains("local demonstration identity provider is enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Identity__LocalProvider__Enabled=false", error.Message, StringComparison.Ordinal);
        Assert.Contains("Identity__LocalProvider__AllowInProduction=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_override_lets_a_public_demonstration_server_run_it_in_Production()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = DigitalWalloniaWeb.Build(["--environment", "Production"], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:Default"] = database.ConnectionString,
                ["Seed:Demo"] = "false",
                ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "dw-test-keys", Guid.NewGuid().ToString("N"), "audit.key"),
                ["Identity:LocalProvider:AllowInProduction"] = "true",
            });
        });
        await app.StartAsync();

        var page = await app.GetTestClient().GetAsync(new Uri("/identity/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await app.StopAsync();
    }
}
