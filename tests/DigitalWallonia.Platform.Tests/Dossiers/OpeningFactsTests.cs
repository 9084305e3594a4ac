using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

/// <summary>
/// What a dossier may be opened with (<see cref="DossierWorkflow.OpenAsync"/>): what the opener declares, with its
/// provenance; never a fact the system owns (a register's, the ledger's, the company register's, a decision's).
/// </summary>
public class OpeningFactsTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Opening_a_dossier_with_a_fact_the_system_owns_is_refused_by_name_and_stores_nothing(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, shippedContent: true);
        var (company, actor) = await CompanyAsync(platform);
        object[] attempts =
        [
            new { grantedRate = 1, grantedAmount = 45_000 },
            new { provider = new { registered = true, validUntil = "2030-01-01" } },
            new { company = new { hasWalloonEstablishment = true } },
            new { ledger = new { deMinimisAid = Array.Empty<object>() } },
            new { deMinimis = new { pastAid = 0 } },
            new { diagnosisInstalment = 5_000 },
        ];

        var messages = new List<string>();
        foreach (var facts in attempts)
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => OpenAsync(platform, company, actor, facts));
            messages.Add(refused.Message);
        }

        Assert.Contains("cannot be opened with 'grantedRate', 'grantedAmount'", messages[0], StringComparison.Ordinal);
        Assert.All(messages.Skip(1).Zip(new[] { "provider", "company", "ledger", "deMinimis", "diagnosisInstalment" }),
            m => Assert.Contains($"'{m.Second}'", m.First, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains("Nothing was stored", m, StringComparison.Ordinal));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal((0, 0), (await db.Dossiers.CountAsync(), await db.AuditEvents.CountAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task What_a_party_opens_a_dossier_with_is_declared_by_it(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, shippedContent: true);
        var (company, actor) = await CompanyAsync(platform);

        var reference = await OpenAsync(platform, company, actor, new { note = "Projet pilote", contactPhone = "+32 81 00 00 00" });

        await using var scope = platform.Scope();
        var dossier = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Dossiers.SingleAsync(d => d.Reference == reference);
        var sources = dossier.FactSources();
        Assert.Equal((FactSources.Declared, "sub-sofia"), (sources["note"].Source, sources["note"].By));
        Assert.Equal(FactSources.Declared, sources["contactPhone"].Source);
    }

    private static async Task<(Party Company, Actor Actor)> CompanyAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var company = Party.Organisation("Namur Digital SA", EnterpriseNumber.Parse("0789.012.351"));
        db.Parties.Add(company);
        await db.SaveChangesAsync();
        return (company, new Actor("sub-sofia", "Sofia Martin", ["applicant"], company.Id.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<string> OpenAsync(TestPlatform platform, Party company, Actor actor, object facts)
    {
        await using var scope = platform.Scope();
        var tracked = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Parties.SingleAsync(p => p.Id == company.Id);
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("voucher", [(tracked, DossierRoles.Applicant)],
            JsonSerializer.SerializeToElement(facts), actor, new DateOnly(2026, 3, 2), null, CancellationToken.None);
        return dossier.Reference;
    }
}
