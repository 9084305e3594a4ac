using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Programmes.EligibilityScenario;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// RENTIC and the cybersecurity premium end to end on what the platform knows (the company register's test extract 140,
/// the aid ledger, the applicant's declaration), as VoucherEligibilityTests does for the voucher: the SME test with linked
/// enterprises, the non-profit exclusion, a foreign postcode that looks Walloon; and, for the three aid programmes, de
/// minimis assessed on the GRANT date (Regulation 2023/2831 art. 3(4)) with submission only an early warning.
/// </summary>
public class ProgrammeEligibilityTests
{
    // Monday 2 March 2026.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Rentic_refuses_an_applicant_whose_linked_enterprise_pushes_it_over_the_sme_ceilings_not_sme(DatabaseProvider provider) =>
        await LinkedEnterpriseIsNotSmeAsync(provider, "rentic");

    [Theory, OnSqlite, OnPostgres]
    public async Task Cyber_refuses_an_applicant_whose_linked_enterprise_pushes_it_over_the_sme_ceilings_not_sme(DatabaseProvider provider) =>
        await LinkedEnterpriseIsNotSmeAsync(provider, "cyber");

    [Theory, OnSqlite, OnPostgres]
    public async Task Cyber_refuses_a_non_profit_association_of_the_register(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var association = await scenario.ApplicantAsync("0440.100.183", "Maison du Numérique ASBL");

        var reference = await scenario.SubmitAsync("cyber", association, new { enterprise = Sme(staff: 8, turnover: 400_000, balanceSheet: 250_000) }, 12_000m);

        await AssertRefusedByTheRegisterAsync(scenario, reference, "cyber", "non_profit_excluded");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cyber_refuses_a_company_whose_only_walloon_looking_postcode_is_abroad(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var abroad = await scenario.ApplicantAsync("0440.200.252", "Ardenne Transports SA"); // 4030 Esch-sur-Alzette

        var reference = await scenario.SubmitAsync("cyber", abroad, new { enterprise = Sme() }, 12_000m);

        await AssertRefusedByTheRegisterAsync(scenario, reference, "cyber", "no_walloon_seat");
        var (_, explanation) = await scenario.SnapshotAsync(reference, "cyber-eligibility");
        Assert.Empty(Failed(explanation)["no_walloon_seat"]["values"]!["enterprise"]!["establishmentUnits"]!.AsArray());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rentic_counts_on_the_grant_date_the_de_minimis_aid_another_walloon_dossier_was_granted_a_month_earlier(DatabaseProvider provider) =>
        await AidGrantedAMonthEarlierCountsOnTheGrantDateAsync(provider, "rentic", amount: 20_000m); // 10,000 EUR of aid at 50 %

    [Theory, OnSqlite, OnPostgres]
    public async Task Cyber_counts_on_the_grant_date_the_de_minimis_aid_another_walloon_dossier_was_granted_a_month_earlier(DatabaseProvider provider) =>
        await AidGrantedAMonthEarlierCountsOnTheGrantDateAsync(provider, "cyber", amount: 12_000m); // 9,000 EUR of aid at 75 %

    [Theory, OnSqlite, OnPostgres]
    public async Task Voucher_counts_on_the_grant_date_the_de_minimis_aid_another_walloon_dossier_was_granted_a_month_earlier(DatabaseProvider provider) =>
        await AidGrantedAMonthEarlierCountsOnTheGrantDateAsync(provider, "voucher", amount: 20_000m); // 10,000 EUR of aid at 50 %

    [Theory, OnSqlite, OnPostgres]
    public async Task Voucher_no_longer_counts_aid_that_leaves_the_rolling_window_by_the_grant_date(DatabaseProvider provider) =>
        await AidLeavingTheWindowByTheGrantDateNoLongerCountsAsync(provider, "voucher", amount: 20_000m, aid: 10_000m);

    [Theory, OnSqlite, OnPostgres]
    public async Task Rentic_no_longer_counts_aid_that_leaves_the_rolling_window_by_the_grant_date(DatabaseProvider provider) =>
        await AidLeavingTheWindowByTheGrantDateNoLongerCountsAsync(provider, "rentic", amount: 20_000m, aid: 10_000m);

    [Theory, OnSqlite, OnPostgres]
    public async Task Cyber_no_longer_counts_aid_that_leaves_the_rolling_window_by_the_grant_date(DatabaseProvider provider) =>
        await AidLeavingTheWindowByTheGrantDateNoLongerCountsAsync(provider, "cyber", amount: 12_000m, aid: 9_000m);

    [Theory, OnSqlite, OnPostgres]
    public async Task Rentic_a_countersignature_checks_de_minimis_again_on_its_own_day(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0123.456.749", "Forges de Wallonie SRL");
        var declaration = new { enterprise = Sme(), otherDeMinimisAid = new[] { OtherAid(256_000m, "2025-06-10") } };
        var large = await scenario.SubmitAsync("rentic", applicant, declaration, 80_000m); // 40,000 EUR: above the 25,000 EUR threshold
        var small = await scenario.SubmitAsync("rentic", applicant, declaration, 10_000m); // 5,000 EUR
        var proposal = await scenario.GrantAsync("rentic", large); // 256,000 + 40,000 fits: proposed to a supervisor
        await scenario.FireAsync(small, new ActorActionFired("approve"), Handler); // granted meanwhile: 301,000 with the proposal

        platform.Clock.Set(new DateTimeOffset(2026, 2, 4, 9, 0, 0, TimeSpan.Zero));
        var countersigned = await scenario.TryFireAsync(large, new ActorActionFired("countersign"), new Actor("supervisor-1", "Sam Supervisor", ["supervisor"]));

        Assert.Equal("awaiting-second-approval", proposal.State);
        Assert.Equal(("guard-failed", "awaiting-second-approval"), (countersigned.Rejection?.Code, countersigned.State));
        var failed = Failed(JsonNode.Parse(countersigned.Rejection!.Guard!.ExplanationJson)!.AsObject());
        Assert.Equal(("rentic-grant", "DeMinimis"), (JsonNode.Parse(countersigned.Rejection.Guard.ExplanationJson)!["ruleSet"]!.GetValue<string>(), failed["de_minimis_ceiling"]["ruleSet"]!.GetValue<string>()));
        Assert.Contains(failed["de_minimis_ceiling"]["provenance"]!["pastAid"]!.AsArray(), s => s!["dossier"]?.GetValue<string>() == small);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_submission_without_the_declaration_eligibility_needs_is_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0789.012.351", "Namur Digital SA");

        foreach (var programme in new[] { "voucher", "rentic", "cyber" })
        {
            var reference = await scenario.OpenAsync(programme, applicant, 10_000m);

            var refused = await scenario.TryFireAsync(reference, Submit(programme, 10_000m, declaration: null), ApplicantActor(applicant));

            Assert.Equal("invalid-input", refused.Rejection?.Code);
            Assert.Equal(("declaration", "required"), Assert.Single(refused.Rejection!.FieldErrors.Select(e => (e.Field, e.Code))));
            Assert.Equal("draft", await scenario.StateAsync(reference));
        }
    }

    private static async Task LinkedEnterpriseIsNotSmeAsync(DatabaseProvider provider, string programme)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0123.456.749", "Forges de Wallonie SRL");
        // 42 AWU of its own; its parent holds 60 % and is added in full: 272 AWU, 56.5 MEUR, 44.2 MEUR.
        var parent = new { name = "Groupe Meuse SA", share = 0.6m, exemptInvestor = false, staffHeadcount = 230m, annualTurnover = 50_000_000m, balanceSheetTotal = 40_000_000m };

        var reference = await scenario.SubmitAsync(programme, applicant, new { enterprise = Sme(related: parent) }, 12_000m);

        Assert.Equal("eligibility-review", await scenario.StateAsync(reference));
        var (snapshot, explanation) = await scenario.SnapshotAsync(reference, RuleSetsOf(programme).Eligibility);
        Assert.False(snapshot.Passed);
        var notSme = Failed(explanation)["not_sme"];
        Assert.Equal(("SmeCategory", 1, "declared"), (notSme["ruleSet"]!.GetValue<string>(), notSme["version"]!.GetValue<int>(), notSme["provenance"]!["enterprise"]!.GetValue<string>()));
        Assert.Equal("Groupe Meuse SA", notSme["values"]!["enterprise"]!["relatedEnterprises"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("companyRegister", explanation["provenance"]!["company"]!["source"]!.GetValue<string>());
        Assert.DoesNotContain(Failed(explanation).Keys, k => !k.Contains('.', StringComparison.Ordinal) && k != "not_sme"); // the register's checks pass
    }

    private static async Task AssertRefusedByTheRegisterAsync(EligibilityScenario scenario, string reference, string programme, string code)
    {
        Assert.Equal("eligibility-review", await scenario.StateAsync(reference));
        var (_, explanation) = await scenario.SnapshotAsync(reference, RuleSetsOf(programme).Eligibility);
        var failed = Failed(explanation);
        Assert.Equal(code, Assert.Single(failed.Keys, k => !k.Contains('.', StringComparison.Ordinal)));
        Assert.Equal("companyRegister", failed[code]["provenance"]!["enterprise"]!.GetValue<string>());
    }

    // Two requests of the same company pass at submission (285,000 EUR declared from another authority plus either aid
    // fits under 300,000); the first is granted; a month later the second's grant is refused: with the first's aid, now
    // in the ledger, the total passes the ceiling.
    private static async Task AidGrantedAMonthEarlierCountsOnTheGrantDateAsync(DatabaseProvider provider, string programme, decimal amount)
    {
        await using var platform = await TestPlatform.StartAsync(provider, new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0123.456.749", "Forges de Wallonie SRL");
        var declaration = new { enterprise = Sme(), otherDeMinimisAid = new[] { OtherAid(285_000m, "2025-06-10") } };
        var first = await scenario.SubmitAsync(programme, applicant, declaration, amount);
        var second = await scenario.SubmitAsync(programme, applicant, declaration, amount);
        Assert.All(new[] { await scenario.StateAsync(first), await scenario.StateAsync(second) }, s => Assert.NotEqual("eligibility-review", s));
        if (programme == "cyber")
        {
            await scenario.ClaimCyberPremiumAsync(first, applicant, amount);
            await scenario.ClaimCyberPremiumAsync(second, applicant, amount);
        }

        var granted = await scenario.GrantAsync(programme, first);
        platform.Clock.Set(Monday); // a month later
        var refused = await scenario.GrantAsync(programme, second);

        Assert.True(granted.Accepted, granted.Rejection?.Message);
        Assert.Equal("guard-failed", refused.Rejection?.Code);
        var explanation = JsonNode.Parse(refused.Rejection!.Guard!.ExplanationJson)!.AsObject();
        Assert.Equal(RuleSetsOf(programme).Grant, explanation["ruleSet"]!.GetValue<string>());
        Assert.Equal("2026-03-02", explanation["asOf"]!.GetValue<string>());
        var deMinimis = Failed(explanation)["de_minimis_ceiling"];
        var past = deMinimis["values"]!["pastAid"]!.AsArray();
        var sources = deMinimis["provenance"]!["pastAid"]!.AsArray();
        Assert.Equal(2, past.Count); // the first dossier's aid, from the ledger, and the declared aid
        Assert.Equal(("ledger", first, "2026-02-02"), (sources[0]!["source"]!.GetValue<string>(), sources[0]!["dossier"]!.GetValue<string>(), past[0]!["grantedOn"]!.GetValue<string>()));
        Assert.Equal(("declared", "Région de Bruxelles-Capitale"), (sources[1]!["source"]!.GetValue<string>(), sources[1]!["grantingAuthority"]!.GetValue<string>()));
        Assert.Equal("declared", explanation["provenance"]!["declaration"]!["source"]!.GetValue<string>());
        Assert.Equal(1, await AidCountAsync(platform)); // only the first was granted
    }

    // 295,000 EUR declared, granted on 5 March 2023: inside the three years ending 4 March 2026, outside those ending on
    // 5 March 2026. At submission (2 March) the request is only flagged; the grant is refused on the 4th, made on the 5th.
    private static async Task AidLeavingTheWindowByTheGrantDateNoLongerCountsAsync(DatabaseProvider provider, string programme, decimal amount, decimal aid)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await StartAsync(platform);
        var applicant = await scenario.ApplicantAsync("0123.456.749", "Forges de Wallonie SRL");
        var declaration = new { enterprise = Sme(), otherDeMinimisAid = new[] { OtherAid(295_000m, "2023-03-05", "1407/2013", "Vlaams Agentschap Innoveren & Ondernemen") } };

        var reference = await scenario.SubmitAsync(programme, applicant, declaration, amount);
        Assert.Equal("eligibility-review", await scenario.StateAsync(reference)); // the early warning at submission
        var (_, warning) = await scenario.SnapshotAsync(reference, RuleSetsOf(programme).Eligibility);
        Assert.Equal(["de_minimis_ceiling"], Failed(warning).Keys.Where(k => !k.Contains('.', StringComparison.Ordinal)));
        await scenario.FireAsync(reference, new ActorActionFired("confirm-eligible") { Input = Firing.Input(("reason", "L'aide flamande sort de la période avant l'octroi")) }, Handler);
        if (programme == "cyber")
        {
            await scenario.ClaimCyberPremiumAsync(reference, applicant, amount);
        }

        platform.Clock.Set(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var tooEarly = await scenario.GrantAsync(programme, reference);
        platform.Clock.Set(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));
        var onTime = await scenario.GrantAsync(programme, reference);

        Assert.Equal("guard-failed", tooEarly.Rejection?.Code);
        Assert.Contains("de_minimis_ceiling", Failed(JsonNode.Parse(tooEarly.Rejection!.Guard!.ExplanationJson)!.AsObject()).Keys);
        Assert.True(onTime.Accepted, onTime.Rejection?.Message);
        var (snapshot, explanation) = await scenario.SnapshotAsync(reference, RuleSetsOf(programme).Grant);
        Assert.True(snapshot.Passed);
        Assert.Equal(new DateOnly(2026, 3, 5), snapshot.AsOfDate);
        var deMinimis = explanation["common"]!.AsArray().OfType<JsonObject>().Single(c => c["ruleSet"]!.GetValue<string>() == "DeMinimis");
        Assert.Equal("2023-03-05", deMinimis["input"]!["pastAid"]![0]!["grantedOn"]!.GetValue<string>()); // still given, left out by the rule's window
        await using var scope = platform.Scope();
        var granted = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AidGrants.SingleAsync();
        Assert.Equal((new DateOnly(2026, 3, 5), aid), (granted.GrantedOn, granted.Amount));
    }

    private static object OtherAid(decimal amount, string grantedOn, string regulation = "2023/2831", string authority = "Région de Bruxelles-Capitale") =>
        new { amount, grantedOn, regulation, grantingAuthority = authority, evidence = new { name = "lettre-octroi.pdf", mediaType = "application/pdf", size = 48_213 } };

    private static async Task<int> AidCountAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AidGrants.CountAsync();
    }
}
