using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Platform.Tests.Grants;

/// <summary>
/// The ledger fact the platform injects (<see cref="PlatformFacts"/>) and the common rule sets' inputs built from it
/// (<see cref="CommonEligibility"/>), the one way eligibility reads the ledger, give the expected outcome.
/// </summary>
public class RuleInputTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_de_minimis_input_built_from_the_ledger_counts_the_group_net_of_recoveries(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Forges SRL", FiscalYearEnd.CalendarYear);
        var sister = await scenario.CompanyAsync("Soeur SRL");
        await using (var db = scenario.Context())
        {
            db.SingleUndertakingLinks.Add(new SingleUndertakingLink(company, sister, "majority-voting-rights", new(2020, 1, 1), LedgerScenario.Now));
            var ledger = scenario.Ledger(db);
            ledger.DeclareExternalAid(company, new(AidRegulation.DeMinimis2023), "SPF Economie", "doc-1", new(2024, 5, 1), 200000m)
                .Recover(new(2025, 1, 1), 50000m, null, LedgerScenario.Now);
            ledger.DeclareExternalAid(sister, new(AidRegulation.DeMinimis2013), "Région flamande", "doc-2", new(2023, 5, 1), 60000m);
            ledger.DeclareExternalAid(sister, new(AidRegulation.Gber), "Région flamande", "doc-3", new(2023, 5, 1), 900000m);
            await db.SaveChangesAsync();
        }

        var fact = await scenario.LedgerFactAsync(company, new(2026, 3, 1));
        var (pastAid, sources) = CommonEligibility.PastDeMinimisAid(fact, []);
        var ruleSet = LedgerScenario.CommonRuleSet("de-minimis.json");
        var engine = new RuleEngine();

        var passed = engine.Evaluate(ruleSet, CommonEligibility.DeMinimisInput(fact, [], pastAid, 90000m), new DateOnly(2026, 3, 1));
        var failed = engine.Evaluate(ruleSet, CommonEligibility.DeMinimisInput(fact, [], pastAid, 90000.01m), new DateOnly(2026, 3, 1));

        Assert.Equal(2, pastAid.Count); // GBER aid is not de minimis: left out of the fact
        Assert.All(sources, s => Assert.Equal("ledger", s!["source"]!.GetValue<string>()));
        Assert.Equal(12, fact["fiscalYearEndMonth"]!.GetValue<int>());
        Assert.Null(passed.InputError);
        Assert.True(passed.Passed);
        Assert.Equal(210000m, passed.Outputs["pastAid"]!.GetValue<decimal>());
        Assert.False(failed.Passed);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_cheque_caps_input_holds_only_the_enterprise_s_own_cheques_of_the_wallet(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Forges SRL");
        var sister = await scenario.CompanyAsync("Soeur SRL");
        await using (var db = scenario.Context())
        {
            db.SingleUndertakingLinks.Add(new SingleUndertakingLink(company, sister, "majority-voting-rights", new(2020, 1, 1), LedgerScenario.Now));
            var ledger = scenario.Ledger(db);
            ledger.DeclareExternalAid(company, new(AidRegulation.DeMinimis2023, "cheques-entreprises", "digital", "digital-maturity"), "DGO6 (reprise)", "doc-1", new(2026, 1, 15), 40000m);
            ledger.DeclareExternalAid(company, new(AidRegulation.DeMinimis2023, null, null, null), "SPF Economie", "doc-2", new(2026, 1, 15), 90000m);
            ledger.DeclareExternalAid(sister, new(AidRegulation.DeMinimis2023, "cheques-entreprises", "digital", "digital-maturity"), "DGO6 (reprise)", "doc-3", new(2026, 1, 20), 5000m);
            await db.SaveChangesAsync();
        }

        var fact = await scenario.LedgerFactAsync(company, new(2026, 3, 1));
        var terms = new ProgrammeAidOptions().Programmes["rentic"];
        var input = CommonEligibility.ChequeCapsInput(fact, 10000.01m, terms);
        var result = new RuleEngine().Evaluate(LedgerScenario.CommonRuleSet("cheque-caps.json"), input, new DateOnly(2026, 3, 1));

        Assert.Null(result.InputError);
        Assert.Single(input["pastCheques"]!.AsArray()); // the wallet is the enterprise's: neither the other aid nor the sister's cheque
        Assert.Equal(3, fact["deMinimisAid"]!.AsArray().Count); // while de minimis counts the whole single undertaking
        Assert.False(result.Results.Single(r => r.RuleName == "WithinChequeTypeCap").IsSuccess);
        Assert.True(result.Results.Single(r => r.RuleName == "WithinCalendarYearWalletCap").IsSuccess);
    }
}
