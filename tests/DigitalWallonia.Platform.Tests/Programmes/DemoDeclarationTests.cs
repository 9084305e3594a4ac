using System.Text.Json;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>The embedded seed's applicants declare through the submit action's typed input (Demo/DemoData.Declarations.cs).</summary>
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
    }
}
