using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Companies;

public class DemoCompaniesTests
{
    [Fact]
    public async Task The_demo_companies_come_from_the_demo_extract_and_their_dossiers_are_judged_on_the_register()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, shippedContent: true, configure: s => s["Seed:Demo"] = "true");
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var extract = await db.Set<CompanyRegisterExtract>().SingleAsync();
        Assert.Equal((1, "full", 0), (extract.Number, extract.Type, extract.Errors));
        var registered = await db.Set<RegisteredEnterprise>().Select(e => e.Number).ToListAsync();
        var parties = await db.Parties.Include(p => p.EstablishmentUnits).Where(p => p.EnterpriseNumber != null).ToListAsync();
        foreach (var number in registered)
        {
            var party = Assert.Single(parties, p => p.EnterpriseNumber == number);
            Assert.NotEmpty(party.EstablishmentUnits);
        }

        Assert.Equal("Eupen", parties.Single(p => p.Name == "Eupener Maschinenbau AG").EstablishmentUnits.Single().Municipality);
        var voucher = await db.Dossiers.SingleAsync(d => d.Programme == "voucher");
        Assert.Equal("under-review", voucher.State);
        var eligibility = await db.EvaluationSnapshots.Where(s => s.DossierId == voucher.Id && s.RuleSet == "voucher-eligibility").OrderBy(s => s.Id).LastAsync();
        Assert.True(eligibility.Passed);
        Assert.Contains("\"companyRegister\"", eligibility.ExplanationJson, StringComparison.Ordinal);
        // Namur Digital's main activity in the register is 62.010, which the digital maturity cheque excludes.
        var namur = parties.Single(p => p.Name == "Namur Digital SA").Id;
        var rentic = await db.Dossiers.Where(d => d.Programme == "rentic" && d.Parties.Any(p => p.PartyId == namur)).SingleAsync();
        Assert.Equal("eligibility-review", rentic.State);
    }
}
