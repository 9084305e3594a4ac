using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests.Workspace;

/// <summary>
/// What the company does in these journeys, through the platform as the company portal and the API do (those are other
/// pages' work): apply for a RENTIC premium, answer a request for documents, declare a milestone.
/// </summary>
internal static class CompanySide
{
    /// <summary>
    /// Forges de Wallonie (the demo's first RENTIC applicant) applies again, with the same provider and declaration, for a
    /// project of <paramref name="eligibleCost"/>: above 50,000 EUR the premium needs a second approver.
    /// </summary>
    public static async Task<string> ApplyForRenticAsync(IServiceProvider services, decimal eligibleCost)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();
        var model = await db.Dossiers.Include(d => d.Parties).ThenInclude(p => p.Party)
            .Where(d => d.Programme == "rentic" && d.State == "under-review").OrderBy(d => d.Id).FirstAsync();
        var company = model.Parties.Single(p => p.Role == DossierRoles.Applicant).Party;
        var provider = model.Parties.Single(p => p.Role == DossierRoles.Provider).Party;
        var declaration = JsonNode.Parse(model.FactsJson)!["declaration"]!.ToJsonString();
        var today = Platform.Scheduling.DeadlinePlanner.LegalDate(DateTimeOffset.UtcNow);
        var (dossier, _) = await workflow.OpenAsync("rentic", [(company, DossierRoles.Applicant), (provider, DossierRoles.Provider)],
            JsonSerializer.SerializeToElement(new { }), Applicant(company.Id), today, eligibleCost, CancellationToken.None);
        var report = await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = new Dictionary<string, JsonElement>
            {
                ["service"] = JsonSerializer.SerializeToElement("Diagnostic, plan d'action et mise en œuvre d'un ERP"),
                ["eligibleCost"] = JsonSerializer.SerializeToElement(eligibleCost),
                ["declaration"] = JsonDocument.Parse(declaration).RootElement.Clone(),
            },
        }, Applicant(company.Id), CancellationToken.None);
        Assert.True(report.Accepted, report.Rejection?.Message);
        return dossier.Reference;
    }

    /// <summary>The company does <paramref name="action"/> on its dossier with <paramref name="input"/>.</summary>
    public static async Task<FiringReport> ActAsync(IServiceProvider services, string reference, string action, params (string Key, object Value)[] input)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var applicant = await db.DossierParties.Where(p => p.Role == DossierRoles.Applicant && db.Dossiers.Any(d => d.Id == p.DossierId && d.Reference == reference))
            .Select(p => p.PartyId).SingleAsync();
        var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, new ActorActionFired(action)
        {
            Input = input.ToDictionary(i => i.Key, i => JsonSerializer.SerializeToElement(i.Value), StringComparer.Ordinal),
        }, Applicant(applicant), CancellationToken.None);
        Assert.True(report.Accepted, report.Rejection?.Message);
        return report;
    }

    private static Actor Applicant(long partyId) =>
        new("claire.dubois", "Claire Dubois", ["applicant"], partyId.ToString(CultureInfo.InvariantCulture));
}
