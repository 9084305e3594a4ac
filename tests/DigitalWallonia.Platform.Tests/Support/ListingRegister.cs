using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>
/// The test register <c>listing</c> (TestContent/workflows/listing-test.json, read by provider-check-test.json's rules),
/// shared with the CLI tests.
/// </summary>
public static class ListingRegister
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    /// <summary>2 March 2026, 09:00 UTC: when the platforms below start.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A platform whose register <c>listing</c> is kept by listing-test.json and read by provider-check-test.json.</summary>
    public static Task<TestPlatform> StartAsync(DatabaseProvider provider) =>
        TestPlatform.StartAsync(provider, Start, settings =>
        {
            settings["Registers:Registers:listing:Workflow"] = "listing-test";
            settings["Registers:Registers:listing:PartyRole"] = DossierRoles.Provider;
            settings["Registers:Registers:listing:InForceStates:0"] = "listed";
            settings["Registers:Registers:listing:Fact"] = "provider";
            settings["Registers:Registers:listing:Programmes:0"] = "checked";
        });

    /// <summary>A party applying to the <c>listing</c> register, and listed unless <paramref name="list"/> is false.</summary>
    public static async Task<(string Reference, Party Party)> RegisterAsync(TestPlatform platform, string name, string enterprise, bool list = true)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var party = Party.Organisation(name, EnterpriseNumber.Parse(enterprise));
        party.AddContact("Contact", "contact@" + enterprise.Replace(".", "", StringComparison.Ordinal) + ".example", "fr");
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("listing-test", [(party, DossierRoles.Provider)],
            JsonSerializer.SerializeToElement(new { }), Handler, null, null, CancellationToken.None);
        if (list)
        {
            await FireAsync(platform, dossier.Reference, "list");
        }

        return (dossier.Reference, party);
    }

    /// <summary>One registration of several stored <paramref name="parties"/> together (co-providers), listed.</summary>
    public static async Task<string> RegisterAsync(TestPlatform platform, IReadOnlyList<Party> parties)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var links = new List<(Party, string)>();
        foreach (var party in parties)
        {
            links.Add((await db.Parties.SingleAsync(p => p.Id == party.Id), DossierRoles.Provider));
        }

        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("listing-test", links,
            JsonSerializer.SerializeToElement(new { }), Handler, null, null, CancellationToken.None);
        await FireAsync(platform, dossier.Reference, "list");
        return dossier.Reference;
    }

    /// <summary>Fires a case handler's <paramref name="action"/> and insists it is accepted.</summary>
    public static async Task FireAsync(TestPlatform platform, string reference, string action)
    {
        await using var scope = platform.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, new ActorActionFired(action), Handler, CancellationToken.None);
        if (!report.Accepted)
        {
            throw new InvalidOperationException($"{action} on {reference} was refused: {report.Rejection?.Message}");
        }
    }
}
