using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Programmes.LabelScenario;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The list of labelled initiatives the platform gives (register <c>label</c>, <see cref="LabelledInitiatives"/>) at several
/// dates of a label's life, and an application made under an older charter version that stays explained by it.
/// </summary>
public class LabelRegisterTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_list_of_labelled_initiatives_follows_a_label_through_suspension_renewal_and_its_end(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var (reference, promoter) = await LabelledAsync(platform); // labelled on 2026-03-20
        var (refused, other) = await OpenAsync(platform, "0876.543.270", "Conseil Numérique SPRL", "fr");
        await FireAsync(platform, refused, Apply(initiative: "Hackathon commercial"), PromoterOf(other));
        await FireAsync(platform, refused, Action("refuse", ("refusalReason", "Offre commerciale.")), Committee);
        await At(platform, 2027, 6, 1, () => FireAsync(platform, reference, Action("suspend", ("suspensionReason", "Site hors ligne.")), Committee));
        await At(platform, 2027, 7, 1, () => FireAsync(platform, reference, Action("reinstate", ("reinstatementNote", "Site rétabli.")), Committee));
        await At(platform, 2028, 12, 21, () => FireAsync(platform, reference, ApplyForRenewal(), PromoterOf(promoter)));
        await At(platform, 2029, 1, 10, () => FireAsync(platform, reference, new ActorActionFired("renew"), Committee));

        var labelled = await ListAsync(platform, new DateOnly(2026, 3, 20));
        var initiative = Assert.Single(labelled);
        Assert.Equal(new LabelledInitiative(reference, "Wallonie Code Club", "https://codeclub.example", "digital-skills", "Namur Digital SA",
            "0789.012.351", new DateOnly(2032, 1, 9)), initiative);
        Assert.Empty(await ListAsync(platform, new DateOnly(2026, 3, 19))); // under review
        Assert.Single(await ListAsync(platform, new DateOnly(2027, 5, 31)));
        Assert.Empty(await ListAsync(platform, new DateOnly(2027, 6, 15))); // suspended
        Assert.Single(await ListAsync(platform, new DateOnly(2027, 7, 1))); // reinstated that day
        Assert.Single(await ListAsync(platform, new DateOnly(2028, 12, 25))); // renewal under review: still in force
        Assert.Single(await ListAsync(platform, new DateOnly(2032, 1, 9)));
        Assert.Empty(await ListAsync(platform, new DateOnly(2032, 1, 10))); // after validUntil, even before the sweeper runs
        var register = await RegisterAsync(platform, new DateOnly(2027, 1, 1));
        Assert.Equal([(reference, "labelled", true), (refused, "refused", false)], register.Select(r => (r.Reference, r.State, r.InForce)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_application_under_the_older_charter_stays_explained_by_the_version_it_signed(DatabaseProvider provider)
    {
        // Charter 2016 (no accessibility statement needed) was in force on 2019-06-03; charter 2019 from 2019-09-23.
        await using var platform = await StartAsync(provider, new DateTimeOffset(2019, 6, 3, 9, 0, 0, TimeSpan.Zero));
        var (reference, promoter) = await OpenAsync(platform);
        var applied = await FireAsync(platform, reference, Apply(charterVersion: "2016", accessibilityStatement: false), PromoterOf(promoter));
        platform.Clock.Set(new DateTimeOffset(2019, 10, 1, 9, 0, 0, TimeSpan.Zero));
        var (later, latePromoter) = await OpenAsync(platform, "0876.543.270", "Conseil Numérique SPRL", "fr");

        var sameUnderNewCharter = await FireAsync(platform, later, Apply(charterVersion: "2016", accessibilityStatement: false), PromoterOf(latePromoter));
        var labelled = await FireAsync(platform, reference, new ActorActionFired("label"), Committee);

        Assert.Equal("committee-review", applied.State);
        Assert.Equal("guard-failed", sameUnderNewCharter.Rejection?.Code);
        Assert.Contains("\"Value\":\"2019\"", sameUnderNewCharter.Rejection!.Guard!.ExplanationJson, StringComparison.Ordinal); // checked against charter 2019
        Assert.Contains("accessibility-statement", sameUnderNewCharter.Rejection.Guard.ExplanationJson, StringComparison.Ordinal);
        Assert.Equal("labelled", labelled.State);
        var decision = await QueryAsync(platform, db => db.Decisions.SingleAsync());
        Assert.Equal(("grant", new DateOnly(2019, 10, 1), "label-charter"), (decision.Kind, decision.DecidedOn, decision.RuleSet));
        Assert.Contains("\"Value\":\"2016\"", decision.ReasonsJson, StringComparison.Ordinal); // explained by the charter it signed
        Assert.DoesNotContain("\"Value\":\"2019\"", decision.ReasonsJson, StringComparison.Ordinal);
        var snapshots = await QueryAsync(platform, db => db.EvaluationSnapshots.Where(s => s.RuleSet == "label-charter").OrderBy(s => s.Id).ToListAsync());
        Assert.All(snapshots, s => Assert.Equal((new DateOnly(2019, 6, 3), true), (s.AsOfDate, s.Passed)));
        Assert.Equal("2022-09-30", await FactAsync(platform, reference, "validUntil"));
        Assert.Equal("2016", await FactAsync(platform, reference, "charterVersion"));
    }

    private static async Task At(TestPlatform platform, int year, int month, int day, Func<Task<FiringReport>> fire)
    {
        platform.Clock.Set(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));
        var report = await fire();
        Assert.True(report.Accepted, report.Rejection?.Message);
    }

    private static async Task<IReadOnlyList<LabelledInitiative>> ListAsync(TestPlatform platform, DateOnly on)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<LabelledInitiatives>().ListAsync(on, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<Registration>> RegisterAsync(TestPlatform platform, DateOnly on)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<Registrations>().ListAsync("label", on, CancellationToken.None);
    }
}
