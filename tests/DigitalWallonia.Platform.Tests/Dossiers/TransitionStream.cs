using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

/// <summary>
/// Runs dossiers through grant-test without end (open, submit — which chains the eligibility guard, a snapshot, two
/// outbox rows and a deadline — then propose), printing each committed firing, until the process is killed.
/// </summary>
internal static class TransitionStream
{
    public static async Task RunAsync(DatabaseProvider provider, string connectionString, string contentRoot)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
            ["Content:Root"] = contentRoot,
            ["Audit:Key"] = Convert.ToBase64String(new byte[32]),
            ["Mailboxes:Roles:case-handler"] = "dgo6@example.org",
        }).Build());
        services.AddLogging();
        services.AddPlatform();
        await using var root = services.BuildServiceProvider();
        long companyId;
        await using (var scope = root.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var company = await db.Parties.SingleAsync();
            companyId = company.Id;
        }

        var applicant = new Actor("claire", "Claire Dubois", ["applicant"], companyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var handler = new Actor("handler-1", "Anne Handler", ["case-handler"]);
        for (var i = 0; ; i++)
        {
            await using var scope = root.CreateAsyncScope();
            var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var company = await db.Parties.SingleAsync(p => p.Id == companyId);
            var facts = JsonSerializer.SerializeToElement(new { applicant = new { region = "WAL" }, application = new { requestedAmount = 1000 + i } });
            var (dossier, _) = await workflow.OpenAsync("grant-test", [(company, DossierRoles.Applicant)], facts, applicant,
                new DateOnly(2026, 3, 2), 1000 + i, CancellationToken.None);
            Console.WriteLine($"opened {dossier.Reference}");
            await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
            {
                Input = new Dictionary<string, JsonElement> { ["requestedAmount"] = JsonSerializer.SerializeToElement(1000 + i) },
            }, applicant, CancellationToken.None);
            Console.WriteLine($"submitted {dossier.Reference}");
            await workflow.FireAsync(dossier.Reference, new ActorActionFired("propose"), handler, CancellationToken.None);
            Console.WriteLine($"proposed {dossier.Reference}");
        }
    }
}
