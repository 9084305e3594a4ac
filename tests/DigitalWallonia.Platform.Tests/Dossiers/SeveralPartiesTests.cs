using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

/// <summary>
/// A dossier whose service two providers share (TestContent/workflows/co-provided-test.json, checked against the test
/// register <c>listing</c>): each provider acts, hears the notices and reminders, and must be listed. Before, the
/// platform kept the first provider of the role and forgot the second.
/// </summary>
public class SeveralPartiesTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Both_providers_hear_the_notices_and_reminders_and_the_second_one_may_act(DatabaseProvider provider)
    {
        await using var platform = await ListingRegister.StartAsync(provider);
        var (reference, first, second) = await OrderFromTwoListedProvidersAsync(platform);

        Assert.Equal("ordered", await StateAsync(platform, reference));
        Assert.Equal([Contact(first), Contact(second)], await RecipientsAsync(platform, reference, "test-received"));
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 25)).AddMinutes(1)); // the reminder, 7 days before the 30th day
        Assert.Equal(1, (await platform.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None)).RemindersFired);
        Assert.Equal([Contact(first), Contact(second)], await RecipientsAsync(platform, reference, "test-reminder"));

        var delivered = await Firing.FireAsync(platform, reference, new ActorActionFired("deliver"), ProviderActor(second));

        Assert.True(delivered.Accepted, delivered.Rejection?.Message);
        Assert.Equal("delivered", delivered.State);
        await using var scope = platform.Scope();
        var model = await DossierFacts.ForReferenceAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), reference, CancellationToken.None);
        Assert.Equal("Conseil Numérique SPRL, Atelier Web SRL", (string?)model!["provider"]!["name"]);
        Assert.Equal(["BE 0876.543.270", "BE 0555.444.368"], model["provider"]!["parties"]!.AsArray().Select(p => (string?)p!["enterpriseNumber"]));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_party_linked_in_another_role_does_not_act_as_provider(DatabaseProvider provider)
    {
        await using var platform = await ListingRegister.StartAsync(provider);
        var (reference, _, _) = await OrderFromTwoListedProvidersAsync(platform);
        var company = await TestParties.StoredAsync(platform, "0123.456.749", "Forges SRL");

        var refused = await Firing.FireAsync(platform, reference, new ActorActionFired("deliver"), ProviderActor(company));

        Assert.Equal(RejectionReason.RoleMissing, refused.Rejection?.Reason);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_provider_must_be_listed_and_the_refusal_names_the_one_that_is_not(DatabaseProvider provider)
    {
        await using var platform = await ListingRegister.StartAsync(provider);
        var (_, listed) = await ListingRegister.RegisterAsync(platform, "Conseil Numérique SPRL", "0876.543.270");
        var (_, pending) = await ListingRegister.RegisterAsync(platform, "Attente SA", "0789.012.351", list: false);

        var reference = await OrderAsync(platform, listed, pending);

        Assert.Equal("refused", await StateAsync(platform, reference));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var snapshot = await db.EvaluationSnapshots.SingleAsync(s => s.DossierId == dossier.Id);
        Assert.Contains("Attente SA is not listed", snapshot.ExplanationJson, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_registration_of_two_parties_lists_both_in_the_register(DatabaseProvider provider)
    {
        await using var platform = await ListingRegister.StartAsync(provider);
        var first = await TestParties.StoredAsync(platform, "0876.543.270", "Conseil Numérique SPRL");
        var second = await TestParties.StoredAsync(platform, "0555.444.368", "Atelier Web SRL");

        var reference = await ListingRegister.RegisterAsync(platform, [first, second]);

        await using var check = platform.Scope();
        var entries = await check.ServiceProvider.GetRequiredService<Registrations>().ListAsync("listing", new DateOnly(2026, 3, 2), CancellationToken.None);
        Assert.Equal([("Conseil Numérique SPRL", reference, true), ("Atelier Web SRL", reference, true)], entries.Select(e => (e.PartyName, e.Reference, e.InForce)));
    }

    private static async Task<(string Reference, Party First, Party Second)> OrderFromTwoListedProvidersAsync(TestPlatform platform)
    {
        var (_, first) = await ListingRegister.RegisterAsync(platform, "Conseil Numérique SPRL", "0876.543.270");
        var (_, second) = await ListingRegister.RegisterAsync(platform, "Atelier Web SRL", "0555.444.368");
        return (await OrderAsync(platform, first, second), first, second);
    }

    // The applicant opens the order with both providers (in that order) and submits it.
    private static async Task<string> OrderAsync(TestPlatform platform, Party first, Party second)
    {
        var company = await TestParties.StoredAsync(platform, "0123.456.749", "Forges SRL");
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var applicant = DossierWorkflowTests.Applicant(company);
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("co-provided-test",
            [
                (await db.Parties.SingleAsync(p => p.Id == company.Id), DossierRoles.Applicant),
                (await db.Parties.SingleAsync(p => p.Id == first.Id), DossierRoles.Provider),
                (await db.Parties.SingleAsync(p => p.Id == second.Id), DossierRoles.Provider),
            ],
            JsonSerializer.SerializeToElement(new { }), applicant, new DateOnly(2026, 3, 2), null, CancellationToken.None);
        var submitted = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(dossier.Reference, new ActorActionFired("submit"), applicant, CancellationToken.None);
        Assert.True(submitted.Accepted, submitted.Rejection?.Message);
        return dossier.Reference;
    }

    private static Actor ProviderActor(Party party) => new($"provider-{party.Id}", party.Name, ["provider"], party.Id.ToString(CultureInfo.InvariantCulture));

    private static string Contact(Party party) => party.Contacts[0].Email;

    private static async Task<string> StateAsync(TestPlatform platform, string reference)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync();
    }

    private static async Task<List<string>> RecipientsAsync(TestPlatform platform, string reference, string template)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        return await db.OutboxMessages.Where(m => m.DossierId == id && m.TemplateKey == template).OrderBy(m => m.Id).Select(m => m.RecipientAddress).ToListAsync();
    }
}
