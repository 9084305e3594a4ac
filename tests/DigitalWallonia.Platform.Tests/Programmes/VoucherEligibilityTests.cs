using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Programmes.EligibilityScenario;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The technology voucher's eligibility decided by the common rule sets on what the platform knows: the company register
/// (test extract 140), the aid ledger and the applicant's declaration — end to end through workflows/voucher.json.
/// </summary>
public class VoucherEligibilityTests
{
    // Monday 2 March 2026.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // The grant letter of another authority, as the declaration's document field takes it.
    private static readonly object Evidence = new { name = "lettre-octroi.pdf", mediaType = "application/pdf", size = 48_213 };

    [Theory, OnSqlite, OnPostgres]
    public async Task A_walloon_sme_of_the_register_is_eligible_and_the_snapshot_says_where_each_value_came_from(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0789.012.351", "Namur Digital SA");

        var reference = await scenario.SubmitVoucherAsync(applicant, new { enterprise = Sme() }, 20_000m);

        Assert.Equal("under-review", await scenario.StateAsync(reference));
        var (snapshot, explanation) = await scenario.SnapshotAsync(reference, "voucher-eligibility");
        Assert.True(snapshot.Passed);
        Assert.Empty(Failed(explanation));
        Assert.Equal("companyRegister", explanation["provenance"]!["company"]!["source"]!.GetValue<string>());
        Assert.Equal(140, explanation["provenance"]!["company"]!["extract"]!["number"]!.GetValue<int>());
        Assert.Equal("declared", explanation["provenance"]!["declaration"]!["source"]!.GetValue<string>());
        Assert.Equal("register", explanation["provenance"]!["provider"]!["source"]!.GetValue<string>());
        var common = explanation["common"]!.AsArray().OfType<JsonObject>().ToDictionary(c => c["ruleSet"]!.GetValue<string>());
        Assert.Equal(["ChequeCaps", "DeMinimis", "ExcludedSectors", "LegalForm", "SmeCategory", "WalloonSeat"], common.Keys.Order(StringComparer.Ordinal));
        Assert.All(common.Values, c => Assert.True(c["passed"]!.GetValue<bool>(), c.ToJsonString()));
        Assert.Equal("5000", common["WalloonSeat"]["input"]!["enterprise"]!["establishmentUnits"]![0]!["postcode"]!.GetValue<string>());
        Assert.Equal("70.220", common["ExcludedSectors"]["input"]!["enterprise"]!["mainNaceCode"]!.GetValue<string>());
        // The snapshot keeps the platform's facts as they were, though the dossier never stores them.
        Assert.Contains("\"companyRegister\"", snapshot.ExplanationJson, StringComparison.Ordinal);
        Assert.Contains("Namur Digital", snapshot.FactsJson, StringComparison.Ordinal);
        await using var scope = platform.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.DoesNotContain("\"company\"", stored.FactsJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ledger\"", stored.FactsJson, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_applicant_whose_linked_enterprise_pushes_it_over_the_sme_ceilings_is_refused_not_sme(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0789.012.351", "Namur Digital SA");
        // 42 AWU of its own; its parent holds 60 % and is added in full: 42 + 230 = 272 AWU, 56.5 MEUR, 44.2 MEUR.
        var parent = new { name = "Groupe Meuse SA", share = 0.6m, exemptInvestor = false, staffHeadcount = 230m, annualTurnover = 50_000_000m, balanceSheetTotal = 40_000_000m };

        var reference = await scenario.SubmitVoucherAsync(applicant, new { enterprise = Sme(related: parent) }, 20_000m);

        Assert.Equal("eligibility-review", await scenario.StateAsync(reference));
        var (snapshot, explanation) = await scenario.SnapshotAsync(reference, "voucher-eligibility");
        Assert.False(snapshot.Passed);
        var notSme = Failed(explanation)["not_sme"];
        Assert.Equal(("SmeCategory", 1, "IsSme"), (notSme["ruleSet"]!.GetValue<string>(), notSme["version"]!.GetValue<int>(), notSme["rule"]!.GetValue<string>()));
        Assert.Equal("declared", notSme["provenance"]!["enterprise"]!.GetValue<string>());
        Assert.Equal("Groupe Meuse SA", notSme["values"]!["enterprise"]!["relatedEnterprises"]![0]!["name"]!.GetValue<string>());
        Assert.Single(Failed(explanation)); // the linked enterprise is the only reason

        await scenario.FireAsync(reference, new ActorActionFired("refuse") { Input = Firing.Input(("reason", "Entreprise liée: pas une PME")) }, Handler);

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossierId = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        var refusal = await db.Decisions.SingleAsync(d => d.DossierId == dossierId);
        Assert.Equal("refusal", refusal.Kind);
        Assert.Contains("\"not_sme\"", refusal.ReasonsJson, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_non_profit_association_is_refused_the_voucher(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var association = await scenario.ApplicantAsync("0440.100.183", "Maison du Numérique ASBL");

        var reference = await scenario.SubmitVoucherAsync(association, new { enterprise = Sme(staff: 8, turnover: 400_000, balanceSheet: 250_000) }, 10_000m);

        Assert.Equal("eligibility-review", await scenario.StateAsync(reference));
        var (_, explanation) = await scenario.SnapshotAsync(reference, "voucher-eligibility");
        var failed = Failed(explanation);
        Assert.Equal(["non_profit_excluded"], failed.Keys);
        Assert.Equal(("017", true), (failed["non_profit_excluded"]["values"]!["enterprise"]!["legalForm"]!.GetValue<string>(),
            failed["non_profit_excluded"]["values"]!["enterprise"]!["nonProfit"]!.GetValue<bool>()));
        Assert.Equal("companyRegister", failed["non_profit_excluded"]["provenance"]!["enterprise"]!.GetValue<string>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_company_whose_only_walloon_looking_postcode_is_abroad_is_refused(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        // Its only establishment unit is at 4030 Esch-sur-Alzette, Luxembourg; 4030 would be Liège in Belgium.
        var abroad = await scenario.ApplicantAsync("0440.200.252", "Ardenne Transports SA");

        var reference = await scenario.SubmitVoucherAsync(abroad, new { enterprise = Sme() }, 10_000m);

        Assert.Equal("eligibility-review", await scenario.StateAsync(reference));
        var (_, explanation) = await scenario.SnapshotAsync(reference, "voucher-eligibility");
        var failed = Failed(explanation);
        Assert.Contains("no_walloon_seat", failed.Keys);
        Assert.Empty(failed["no_walloon_seat"]["values"]!["enterprise"]!["establishmentUnits"]!.AsArray());
        Assert.Contains("voucher-eligibility.WalloonEstablishment", failed.Keys); // the programme's own rule reads the same finding
    }

    // At submission, as an early warning; on the grant date, binding: ProgrammeEligibilityTests.Voucher_*.
    [Theory, OnSqlite, OnPostgres]
    public async Task De_minimis_aid_granted_by_another_walloon_dossier_a_month_earlier_counts(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0789.012.351", "Namur Digital SA");
        // 285,000 EUR declared from other authorities: with 10,000 EUR more it fits under 300,000, with 20,000 it does not.
        var declaration = new
        {
            enterprise = Sme(),
            otherDeMinimisAid = new[] { new { amount = 285_000m, grantedOn = "2025-06-10", regulation = "2023/2831", grantingAuthority = "Région de Bruxelles-Capitale", evidence = Evidence } },
        };
        var first = await scenario.SubmitVoucherAsync(applicant, declaration, 20_000m); // 10,000 EUR of aid
        Assert.Equal("under-review", await scenario.StateAsync(first));
        await scenario.FireAsync(first, new ActorActionFired("approve"), Handler);
        Assert.Equal("approved", await scenario.StateAsync(first));

        platform.Clock.Set(Monday); // a month later
        var second = await scenario.SubmitVoucherAsync(applicant, declaration, 2_000m); // 1,000 EUR of aid: 285,000 + 10,000 + 1,000 fits
        var third = await scenario.SubmitVoucherAsync(applicant, declaration, 20_000m); // 10,000 EUR: 305,000 does not

        Assert.Equal("under-review", await scenario.StateAsync(second));
        Assert.Equal("eligibility-review", await scenario.StateAsync(third));
        var (_, explanation) = await scenario.SnapshotAsync(third, "voucher-eligibility");
        var deMinimis = Failed(explanation)["de_minimis_ceiling"];
        var past = deMinimis["values"]!["pastAid"]!.AsArray();
        var sources = deMinimis["provenance"]!["pastAid"]!.AsArray();
        Assert.Equal(2, past.Count); // the first voucher's aid (granted) and the declared aid; the second is not granted yet
        Assert.Equal(("ledger", first), (sources[0]!["source"]!.GetValue<string>(), sources[0]!["dossier"]!.GetValue<string>()));
        Assert.Equal((10_000m, "2026-02-02"), (past[0]!["amount"]!.GetValue<decimal>(), past[0]!["grantedOn"]!.GetValue<string>()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_refusal_from_under_review_names_every_failed_condition_with_its_values_provenance_and_rule_version(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0789.012.351", "Namur Digital SA");
        var declaration = new
        {
            enterprise = Sme(),
            otherDeMinimisAid = new[] { new { amount = 295_000m, grantedOn = "2025-06-10", regulation = "2023/2831", grantingAuthority = "Région de Bruxelles-Capitale", evidence = Evidence } },
        };
        var flagged = await scenario.SubmitVoucherAsync(applicant, declaration, 20_000m); // 10,000 EUR more passes 300,000
        var eligible = await scenario.SubmitVoucherAsync(applicant, new { enterprise = Sme() }, 2_000m);
        await scenario.FireAsync(flagged, new ActorActionFired("confirm-eligible") { Input = Firing.Input(("reason", "À examiner avec le service juridique")) }, Handler);

        await scenario.FireAsync(flagged, new ActorActionFired("refuse") { Input = Firing.Input(("reason", "Plafond de minimis dépassé")) }, Handler);
        await scenario.FireAsync(eligible, new ActorActionFired("refuse") { Input = Firing.Input(("reason", "Prestation hors du champ du chèque")) }, Handler);

        var refusal = await ReasonsAsync(platform, flagged);
        Assert.Equal(("voucher-eligibility", "1"), (refusal.Decision.RuleSet, refusal.Decision.RuleSetVersion));
        var failed = Failed(refusal.Reasons);
        Assert.Equal(["de_minimis_ceiling", "voucher-eligibility.WithinDeMinimisCeiling"], failed.Keys.Order(StringComparer.Ordinal));
        Assert.All(failed.Values, c =>
        {
            Assert.False(string.IsNullOrEmpty(c["ruleSet"]?.GetValue<string>()));
            Assert.Equal(1, c["version"]!.GetValue<int>());
            Assert.NotNull(c["values"]);
            Assert.NotNull(c["provenance"]);
        });
        var deMinimis = failed["de_minimis_ceiling"];
        Assert.Equal((295_000m, 10_000m), (deMinimis["values"]!["pastAid"]![0]!["amount"]!.GetValue<decimal>(), deMinimis["values"]!["application"]!["amount"]!.GetValue<decimal>()));
        Assert.Equal(("declared", "Région de Bruxelles-Capitale"),
            (deMinimis["provenance"]!["pastAid"]![0]!["source"]!.GetValue<string>(), deMinimis["provenance"]!["pastAid"]![0]!["grantingAuthority"]!.GetValue<string>()));
        Assert.Equal("output voucher-eligibility.requestedAid", deMinimis["provenance"]!["application.amount"]!.GetValue<string>());
        Assert.Equal("declared", failed["voucher-eligibility.WithinDeMinimisCeiling"]["provenance"]!["declaration"]!["source"]!.GetValue<string>());
        Assert.Equal(("Plafond de minimis dépassé", "handler-1"), Ground(refusal.Reasons));

        // A request that met every condition, refused on the case handler's ground: no failed condition, the ground with who gave it.
        var onGround = await ReasonsAsync(platform, eligible);
        Assert.Equal(("voucher-eligibility", "1"), (onGround.Decision.RuleSet, onGround.Decision.RuleSetVersion));
        Assert.Empty(Failed(onGround.Reasons));
        Assert.Equal(("Prestation hors du champ du chèque", "handler-1"), Ground(onGround.Reasons));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_feder_era_voucher_is_not_paid_for_an_invoice_after_its_scheme_closed(DatabaseProvider provider)
    {
        // Filed on 28 June 2023, under the FEDER-era scheme (75 %), which closed on 10 December 2023.
        await using var platform = await TestPlatform.StartAsync(provider, new DateTimeOffset(2023, 6, 28, 9, 0, 0, TimeSpan.Zero), shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0789.012.351", "Namur Digital SA");
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.Parties.SingleAsync(p => p.Id == applicant.Id)).DeclareFiscalYearEnd(Platform.Parties.FiscalYearEnd.CalendarYear); // 1407/2013 counts fiscal years
            await db.SaveChangesAsync();
        }

        var reference = await scenario.SubmitVoucherAsync(applicant, new { enterprise = Sme() }, 20_000m);
        await scenario.FireAsync(reference, new ActorActionFired("approve"), Handler);
        await scenario.FireAsync(reference, new ActorActionFired("declare-consumption")
        {
            Input = Firing.Input(("consumption", new { invoiceReference = "F-2023-311", invoicedAmount = 20_000, invoiceDate = "2023-12-11" })),
        }, scenario.ProviderActor);

        var validated = await scenario.TryFireAsync(reference, new ActorActionFired("validate-consumption"), Handler);

        Assert.Equal(("guard-failed", "consumed"), (validated.Rejection?.Code, validated.State));
        Assert.False(validated.Rejection!.Guard!.RuleResults["InvoiceBeforeSchemeClosure"]);
        Assert.True(validated.Rejection.Guard.RuleResults["InvoiceWithinValidity"]); // still within its twelve months
        await using var check = platform.Scope();
        var dossier = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Dossiers.SingleAsync(d => d.Reference == reference);
        var facts = JsonNode.Parse(dossier.FactsJson)!;
        Assert.Equal(("2023-12-10", 0.75m), (facts["grantedUseBy"]!.GetValue<string>(), facts["grantedRate"]!.GetValue<decimal>()));
        Assert.Equal(("decided", "handler-1"), (dossier.FactSources()["grantedUseBy"].Source, dossier.FactSources()["grantedUseBy"].By));
    }

    private static async Task<(Decision Decision, JsonObject Reasons)> ReasonsAsync(TestPlatform platform, string reference)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        var decision = await db.Decisions.SingleAsync(d => d.DossierId == id && d.Kind == "refusal");
        return (decision, JsonNode.Parse(decision.ReasonsJson)!.AsObject());
    }

    // The ground the administration gave itself (the refusal's reason), with who gave it.
    private static (string Value, string By) Ground(JsonObject reasons) =>
        (reasons["decided"]!["reason"]!["value"]!.GetValue<string>(), reasons["decided"]!["reason"]!["by"]!.GetValue<string>());
}
