using System.Text.Json;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>The embedded seed's applicants declare through the submit action's typed input (Demo/DemoData.Declarations.cs), and no demo dossier opens with facts.</summary>
public class DemoDeclarationTests
{
    [Fact]
    public async Task Every_demo_application_carries_the_declaration_its_applicant_submitted_as_a_declared_fact()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, shippedContent: true, configure: s => s["Seed:Demo"] = "true");
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var applications = await db.Dossiers.Where(d => d.Programme == "voucher" || d.Programme == "rentic" || d.Programme == "cyber").ToListAsync();

        Assert.NotEmpty(applications);
        Assert.All(applications, dossier =>
        {
            using var facts = JsonDocument.Parse(dossier.FactsJson);
            var declaration = facts.RootElement.GetProperty("declaration");
            Assert.Equal(JsonValueKind.Number, declaration.GetProperty("enterprise").GetProperty("staffHeadcount").ValueKind);
            Assert.Equal(1, declaration.GetProperty("enterprise").GetProperty("relatedEnterprises").GetArrayLength());
            Assert.Equal("Province de Namur", declaration.GetProperty("otherDeMinimisAid")[0].GetProperty("grantingAuthority").GetString());
            Assert.Equal(FactSources.Declared, dossier.FactSources()["declaration"].Source);
        });
        var submits = await db.DossierHistory.Where(h => h.TransitionId == "submit" && applications.Select(a => a.Id).Contains(h.DossierId)).ToListAsync();
        Assert.All(submits, h => Assert.Contains("\"declaration\":", h.InputJson, StringComparison.Ordinal));

        // Every demo dossier opened with no fact: each one it holds came through a typed input or a decision, with its source.
        Assert.All(await db.Dossiers.ToListAsync(), dossier =>
        {
            var sources = dossier.FactSources();
            using var facts = JsonDocument.Parse(dossier.FactsJson);
            Assert.All(facts.RootElement.EnumerateObject(), fact => Assert.True(
                sources.Keys.Any(k => k == fact.Name || k.StartsWith(fact.Name + ".", StringComparison.Ordinal)), $"{dossier.Reference}: '{fact.Name}' has no source"));
        });
        // The label promoters are the register's: the labelled initiatives passed the label's common checks.
        var labelled = await db.Dossiers.Where(d => d.Programme == "label" && d.State == "labelled").Select(d => d.Id).ToListAsync();
        Assert.NotEmpty(labelled);
        Assert.All(await db.EvaluationSnapshots.Where(e => labelled.Contains(e.DossierId) && e.RuleSet == "label-charter").ToListAsync(), e =>
        {
            Assert.True(e.Passed);
            Assert.Contains("\"ruleSet\":\"WalloonSeat\"", e.ExplanationJson, StringComparison.Ordinal);
        });
    }
}
