using DigitalWallonia.Platform.Demo;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>The embedded profile's demo data loads all at once or not at all (SQLite only, by design: DemoData refuses other databases).</summary>
public class DemoDataTests
{
    [Fact]
    public async Task A_demo_load_that_fails_half_way_leaves_nothing_behind_and_is_tried_again_at_the_next_start()
    {
        // The test content has none of the programmes' workflows: the load fails at its first dossier, after the parties.
        // It is given the demo extract of the company register, which the load imports first (on its own, idempotently).
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite);
        CopyDemoExtract(platform.Services.GetRequiredService<DigitalWallonia.Platform.Content.ContentFolder>().Root);

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => LoadDemoAsync(platform));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => LoadDemoAsync(platform));

        Assert.Contains("is published", first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, again.Message); // not taken for loaded
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal((0, 0, 0), (await db.Parties.CountAsync(), await db.Dossiers.CountAsync(), await db.SeedMarkers.CountAsync()));
    }

    private static void CopyDemoExtract(string contentRoot)
    {
        var source = Path.Combine(TestContent.RepositoryRoot(), DemoData.ExtractFolder);
        var target = Path.Combine(contentRoot, DemoData.ExtractFolder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    // As a host's start does it: a scope of its own, with Seed:Demo on.
    private static async Task LoadDemoAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider, Microsoft.Extensions.Options.Options.Create(new DemoDataOptions { Demo = true }))
            .LoadIfEnabledAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_complete_demo_load_is_marked_and_not_loaded_twice()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, shippedContent: true, configure: s => s["Seed:Demo"] = "true");
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossiers = await db.Dossiers.CountAsync();

        await scope.ServiceProvider.GetRequiredService<DemoData>().LoadIfEnabledAsync(CancellationToken.None);

        Assert.Contains(SeedMarker.Demo, await db.SeedMarkers.Select(m => m.Name).ToListAsync()); // beside the reporting plan's
        Assert.True(dossiers > 0);
        Assert.Equal(dossiers, await db.Dossiers.CountAsync());
    }

    [Fact]
    public async Task Loaded_late_in_the_evening_the_demo_dates_its_dossiers_by_Brussels_calendar_and_each_lands_in_its_state()
    {
        // 23:30 UTC in December is already tomorrow in Brussels: the dossiers must be opened and evaluated on the same legal date.
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, now: new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero),
            shippedContent: true, configure: s => s["Seed:Demo"] = "true");
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var rentic = await db.Dossiers.Where(d => d.Programme == "rentic").OrderBy(d => d.Id).Select(d => d.State).ToListAsync();

        Assert.Equal(["under-review", "documents-requested", "eligibility-review", "action-plan"], rentic);
        Assert.Equal("under-review", await db.Dossiers.Where(d => d.Programme == "voucher").Select(d => d.State).SingleAsync());
    }
}
