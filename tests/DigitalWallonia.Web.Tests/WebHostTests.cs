using System.Net;
using System.Net.Http.Json;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests;

public class WebHostTests
{
    [Fact]
    public async Task Health_answers_200_once_the_database_is_migrated()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = Start(database, seedDemo: false);

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>();
        Assert.Equal("healthy", report!.Status);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Health_says_degraded_while_a_deadline_has_failed_all_its_attempts()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = Start(database, seedDemo: true);
        var client = app.CreateClient();
        Assert.Equal("healthy", (await client.GetFromJsonAsync<HealthReport>("/health"))!.Status);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.Deadlines.Take(1).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, Platform.Scheduling.DeadlineStatus.Failed)));
        }

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the node still serves
        Assert.Equal("degraded: 1 deadline(s) or their reminders failed all their attempts (dw deadlines list --failed)",
            (await response.Content.ReadFromJsonAsync<HealthReport>())!.Status);
    }

    [Fact]
    public async Task The_anonymous_landing_page_shows_the_programmes_and_their_counts_but_lists_no_dossier()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = Start(database, seedDemo: true);

        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("Aides et labels numériques", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("data-programme=\"rentic\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"LABEL-{DateTime.UtcNow.Year}-", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"VOUCHER-{DateTime.UtcNow.Year}-", html, StringComparison.Ordinal);
        Assert.Matches("[1-9][0-9]* dossier", html);
    }

    [Fact]
    public async Task Demo_data_is_loaded_once_however_often_the_host_starts()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        for (var i = 0; i < 2; i++)
        {
            await using var app = Start(database, seedDemo: true);
            await app.CreateClient().GetAsync("/health");
        }

        await using var db = database.CreateContext();
        // Every demo dossier runs through its workflow: 2 provider registrations, 4 RENTIC premiums, 1 voucher, 2 listings of
        // cyber professionals, 3 cyber dossiers, 4 label dossiers; a published yearly reporting cycle, one task per measure with
        // tracked yearly indicators.
        var byWorkflow = (await db.Dossiers.GroupBy(d => d.WorkflowId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count));
        Assert.Equal([("cyber", 3), ("cyber-professional", 2), ("label", 4), ("provider", 2), ("rentic", 4), ("reporting", 42), ("voucher", 1)], byWorkflow);
        Assert.Equal(0, await db.Dossiers.CountAsync(d => d.WorkflowVersion == 0)); // none without a pinned workflow
        // The 4 companies, a second provider, 2 cyber professionals, 2 label promoters, and the plan's 17 measure carriers.
        Assert.Equal(9 + 17, await db.Parties.CountAsync());
        Assert.Equal(["committee-review", "labelled", "refused", "suspended"],
            await db.Dossiers.Where(d => d.Programme == "label").Select(d => d.State).OrderBy(s => s).ToListAsync());
    }

    [Fact]
    public async Task Without_Seed_Demo_the_database_stays_empty()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = Start(database, seedDemo: false);

        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("0 dossier(s)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_host_migrates_and_never_loads_demo_data()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Postgres);
        await using var app = Start(database, seedDemo: true, auditKey: Convert.ToBase64String(new byte[32]));

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Equal(0, await db.Dossiers.CountAsync());
    }

    private static WebApplicationFactory<Program> Start(TestDatabase database, bool seedDemo, string? auditKey = null)
    {
        var keyFolder = Path.Combine(Path.GetTempPath(), "dw-test-keys", Guid.NewGuid().ToString("N"));
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("ConnectionStrings:Default", database.ConnectionString);
            web.UseSetting("Seed:Demo", seedDemo ? "true" : "false");
            web.UseSetting("Audit:KeyFile", Path.Combine(keyFolder, "audit.key"));
            if (auditKey is not null)
            {
                web.UseSetting("Audit:Key", auditKey);
            }
        });
    }
}
