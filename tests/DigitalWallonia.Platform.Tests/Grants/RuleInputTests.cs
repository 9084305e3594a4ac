using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Rules;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Grants;

/// <summary>The inputs the ledger builds are those the common rule sets read, and give the expected outcome.</summary>
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

        await using var read = scenario.Context();
        var ledgerRead = scenario.Ledger(read);
        var fits = await ledgerRead.DeMinimisInputAsync(company, new(2026, 3, 1), 90000m, CancellationToken.None);
        var exceeds = await ledgerRead.DeMinimisInputAsync(company, new(2026, 3, 1), 90000.01m, CancellationToken.None);
        var ruleSet = Load("de-minimis.json");
        var engine = new RuleEngine();

        var passed = engine.Evaluate(ruleSet, fits, new DateOnly(2026, 3, 1));
        var failed = engine.Evaluate(ruleSet, exceeds, new DateOnly(2026, 3, 1));

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
        await using (var db = scenario.Context())
        {
            var ledger = scenario.Ledger(db);
            ledger.DeclareExternalAid(company, new(AidRegulation.DeMinimis2023, "cheques-entreprises", "digital", "digital-maturity"), "DGO6 (reprise)", "doc-1", new(2026, 1, 15), 40000m);
            ledger.DeclareExternalAid(company, new(AidRegulation.DeMinimis2023, null, null, null), "SPF Economie", "doc-2", new(2026, 1, 15), 90000m);
            await db.SaveChangesAsync();
        }

        await using var read = scenario.Context();
        var input = await scenario.Ledger(read).ChequeCapsInputAsync(company, new(2026, 3, 1), 10000.01m, "cheques-entreprises", "digital-maturity", "digital", CancellationToken.None);
        var result = new RuleEngine().Evaluate(Load("cheque-caps.json"), input, new DateOnly(2026, 3, 1));

        Assert.Null(result.InputError);
        Assert.Single(input["pastCheques"]!.AsArray());
        Assert.False(Rule(result, "WithinChequeTypeCap"));
        Assert.True(Rule(result, "WithinCalendarYearWalletCap"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_walloon_seat_input_comes_from_the_establishment_units(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var eupen = await scenario.CompanyAsync("Eupener GmbH", postcode: "4700");
        var brussels = await scenario.CompanyAsync("Bruxelles SRL", postcode: "1000");
        await using var read = scenario.Context();
        var ledger = scenario.Ledger(read);
        var ruleSet = Load("walloon-seat.json");
        var engine = new RuleEngine();

        var seat = (await read.EstablishmentUnits.SingleAsync(u => u.PartyId == eupen)).Number.ToString();

        var inEupen = engine.Evaluate(ruleSet, await ledger.WalloonSeatInputAsync(eupen, seat, CancellationToken.None), new DateOnly(2026, 3, 1));
        var inBrussels = engine.Evaluate(ruleSet, await ledger.WalloonSeatInputAsync(brussels, null, CancellationToken.None), new DateOnly(2026, 3, 1));

        Assert.True(inEupen.Passed);
        Assert.True(inEupen.Outputs["mainSeatInGermanSpeakingArea"]!.GetValue<bool>());
        Assert.False(Rule(inBrussels, "OperatingSeatInWallonia"));
    }

    private static RuleSet Load(string file) =>
        Assert.Single(RuleSetLoader.LoadFile(Path.Combine(TestContent.RepositoryRoot(), "rules", "common", file)).RuleSets);

    private static bool Rule(EvaluationResult result, string name) => result.Results.Single(r => r.RuleName == name).IsSuccess;
}
