using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Programmes.LabelScenario;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The Digital Wallonia label's common checks, end to end on the company register's test extract 140: the promoter is
/// registered and active (a non-profit is welcome: the label is no State aid), the initiative is Walloon (the promoter's
/// registered office or an establishment unit in Wallonia, a foreign postcode never counting), and only the
/// initiative's promoter files it.
/// </summary>
public class LabelEligibilityTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_non_profit_promoter_seated_in_wallonia_goes_to_the_committee_and_is_labelled(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform, "0440.100.183", "Maison du Numérique ASBL", "fr");

        var applied = await FireAsync(platform, reference, Apply(), PromoterOf(promoter));
        platform.Clock.Advance(TimeSpan.FromDays(18));
        var labelled = await FireAsync(platform, reference, new ActorActionFired("label"), Committee);

        Assert.Equal(("committee-review", "labelled"), (applied.State, labelled.State));
        var (passed, explanation) = await CharterSnapshotAsync(platform, reference);
        Assert.True(passed);
        var common = Common(explanation);
        Assert.Equal(["LegalForm", "WalloonSeat"], common.Keys.Order(StringComparer.Ordinal)); // no SME test, no de minimis: no aid
        Assert.Equal(("017", true), (common["LegalForm"]["input"]!["enterprise"]!["legalForm"]!.GetValue<string>(), common["LegalForm"]["input"]!["enterprise"]!["nonProfit"]!.GetValue<bool>()));
        Assert.Equal("companyRegister", explanation["provenance"]!["company"]!["source"]!.GetValue<string>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_promoter_seated_in_brussels_qualifies_through_its_establishment_unit_in_wallonia(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform, "0440.600.130", "Ateliers Numériques Bruxelles-Namur", "fr");

        var applied = await FireAsync(platform, reference, Apply(), PromoterOf(promoter));

        Assert.Equal("committee-review", applied.State);
        var (_, explanation) = await CharterSnapshotAsync(platform, reference);
        var places = Common(explanation)["WalloonSeat"]["input"]!["enterprise"]!["establishmentUnits"]!.AsArray().Select(u => u!["postcode"]!.GetValue<string>());
        Assert.Equal(["1050", "5000"], places.Order(StringComparer.Ordinal)); // its seat in Ixelles and its unit in Namur
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_promoter_with_neither_seat_nor_establishment_unit_in_wallonia_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (brussels, brusselsPromoter) = await OpenAsync(platform, "0440.400.487", "Brussels Data SRL", "fr");
        var (abroad, abroadPromoter) = await OpenAsync(platform, "0440.200.252", "Ardenne Transports SA", "fr"); // 4030 Esch-sur-Alzette

        var fromBrussels = await FireAsync(platform, brussels, Apply(), PromoterOf(brusselsPromoter));
        var fromAbroad = await FireAsync(platform, abroad, Apply(), PromoterOf(abroadPromoter));

        foreach (var refused in new[] { fromBrussels, fromAbroad })
        {
            Assert.Equal(("guard-failed", "draft"), (refused.Rejection?.Code, refused.State));
            var failed = EligibilityScenario.Failed(JsonNode.Parse(refused.Rejection!.Guard!.ExplanationJson)!.AsObject());
            Assert.Equal(["no_walloon_seat"], failed.Keys);
            Assert.Equal(("WalloonSeat", 1, "companyRegister"),
                (failed["no_walloon_seat"]["ruleSet"]!.GetValue<string>(), failed["no_walloon_seat"]["version"]!.GetValue<int>(), failed["no_walloon_seat"]["provenance"]!["enterprise"]!.GetValue<string>()));
        }

        // The Luxembourg address keeps its postcode but is foreign: no place is counted at all.
        var abroadFailed = EligibilityScenario.Failed(JsonNode.Parse(fromAbroad.Rejection!.Guard!.ExplanationJson)!.AsObject());
        Assert.Empty(abroadFailed["no_walloon_seat"]["values"]!["enterprise"]!["establishmentUnits"]!.AsArray());
        Assert.Equal(0, await QueryAsync(platform, db => db.OutboxMessages.CountAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_promoter_the_company_register_does_not_know_is_refused(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform, "0440.500.556", "Inconnue SRL", "fr"); // only in the update extract, not imported

        var refused = await FireAsync(platform, reference, Apply(), PromoterOf(promoter));

        Assert.Equal("guard-failed", refused.Rejection?.Code);
        var failed = EligibilityScenario.Failed(JsonNode.Parse(refused.Rejection!.Guard!.ExplanationJson)!.AsObject());
        Assert.Contains("not_registered_or_stopped", failed.Keys);
        Assert.False(failed["not_registered_or_stopped"]["values"]!["enterprise"]!["registered"]!.GetValue<bool>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_the_initiative_s_promoter_files_it(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform);
        var (_, another) = await OpenAsync(platform, "0876.543.270", "Conseil Numérique SPRL", "fr");

        var byAnotherPromoter = await FireAsync(platform, reference, Apply(), PromoterOf(another));
        var byCaseHandler = await FireAsync(platform, reference, Apply(), new Actor("handler-1", "Anne Handler", ["case-handler"]));
        var byItsPromoter = await FireAsync(platform, reference, Apply(), PromoterOf(promoter));

        Assert.Equal(("role-missing", "role-missing"), (byAnotherPromoter.Rejection?.Code, byCaseHandler.Rejection?.Code));
        Assert.Equal("committee-review", byItsPromoter.State);
        Assert.Single(await TransitionsAsync(platform, reference), t => t == "apply");
    }

    private static async Task<(bool Passed, JsonObject Explanation)> CharterSnapshotAsync(Support.TestPlatform platform, string reference) =>
        await QueryAsync(platform, async db =>
        {
            var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
            var snapshot = await db.EvaluationSnapshots.Where(s => s.DossierId == id && s.RuleSet == "label-charter").OrderBy(s => s.Id).FirstAsync();
            return (snapshot.Passed, JsonNode.Parse(snapshot.ExplanationJson)!.AsObject());
        });

    private static Dictionary<string, JsonObject> Common(JsonObject explanation) =>
        explanation["common"]!.AsArray().OfType<JsonObject>().ToDictionary(c => c["ruleSet"]!.GetValue<string>());
}
