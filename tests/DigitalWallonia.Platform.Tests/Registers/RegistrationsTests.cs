using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Registers;

/// <summary>
/// A register kept by a workflow (TestContent/workflows/listing-test.json) and a programme whose rules read it
/// (provider-check-test.json): the register, not the applicant, says whether the provider is listed, as of the right day.
/// </summary>
public class RegistrationsTests
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    [Fact]
    public void A_timeline_is_in_force_from_the_day_listed_to_the_day_before_leaving_and_never_after_valid_until()
    {
        var listedOn = new DateOnly(2026, 3, 2);
        var timeline = RegistrationTimeline.From("REF", "listed", new DateOnly(2027, 3, 1), new DateOnly(2026, 2, 20), "applied",
            [(listedOn, "listed"), (new DateOnly(2026, 5, 4), "suspended"), (new DateOnly(2026, 6, 1), "listed")], ["listed"]);

        Assert.Equal([new InForcePeriod(listedOn, new DateOnly(2026, 5, 4)), new InForcePeriod(new DateOnly(2026, 6, 1), null)], timeline.Periods);
        Assert.False(timeline.InForceOn(new DateOnly(2026, 3, 1)));
        Assert.True(timeline.InForceOn(listedOn));
        Assert.True(timeline.InForceOn(new DateOnly(2026, 5, 3)));
        Assert.False(timeline.InForceOn(new DateOnly(2026, 5, 4))); // suspended that day
        Assert.True(timeline.InForceOn(new DateOnly(2026, 6, 1)));
        Assert.True(timeline.InForceOn(new DateOnly(2027, 3, 1)));
        Assert.False(timeline.InForceOn(new DateOnly(2027, 3, 2))); // validity over, even though still "listed"
    }

    [Fact]
    public void A_state_entered_and_left_on_the_same_day_does_not_count_for_that_day()
    {
        var day = new DateOnly(2026, 3, 2);
        var timeline = RegistrationTimeline.From("REF", "withdrawn", null, day, "applied", [(day, "listed"), (day, "withdrawn")], ["listed"]);

        Assert.Empty(timeline.Periods);
        Assert.False(timeline.InForceOn(day));
    }

    [Fact]
    public void A_resolved_fact_names_the_registration_in_force_that_day_or_else_the_latest()
    {
        var old = RegistrationTimeline.From("OLD", "withdrawn", new DateOnly(2025, 12, 31), new DateOnly(2024, 1, 1), "applied",
            [(new DateOnly(2024, 1, 10), "listed"), (new DateOnly(2025, 6, 1), "withdrawn")], ["listed"]);
        var current = RegistrationTimeline.From("NEW", "listed", new DateOnly(2027, 1, 31), new DateOnly(2026, 1, 5), "applied",
            [(new DateOnly(2026, 2, 1), "listed")], ["listed"]);
        var fact = new JsonObject { ["name"] = "Conseil SRL", ["registrations"] = new JsonArray(old.ToJson(), current.ToJson()) };

        var in2024 = Registrations.ResolveFact(fact, new DateOnly(2024, 6, 1));
        var gap = Registrations.ResolveFact(fact, new DateOnly(2025, 9, 1));
        var in2026 = Registrations.ResolveFact(fact, new DateOnly(2026, 3, 1));

        Assert.Equal((true, "OLD", "2025-12-31"), ((bool)in2024["registered"]!, (string?)in2024["reference"], (string?)in2024["validUntil"]));
        Assert.Equal((false, "NEW"), ((bool)gap["registered"]!, (string?)gap["reference"]));
        Assert.Equal((true, "NEW", "Conseil SRL"), ((bool)in2026["registered"]!, (string?)in2026["reference"], (string?)in2026["name"]));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_register_lists_who_is_in_force_on_a_day_from_the_registration_workflow(DatabaseProvider provider)
    {
        await using var platform = await ListingRegister.StartAsync(provider);
        var (listed, consultant) = await ListingRegister.RegisterAsync(platform, "Conseil Numérique SPRL", "0876.543.270");
        var (pending, _) = await ListingRegister.RegisterAsync(platform, "Attente SA", "0789.012.351", list: false);
        platform.Clock.Advance(TimeSpan.FromDays(30));
        await ListingRegister.FireAsync(platform, listed, "suspend");

        await using var scope = platform.Scope();
        var registrations = scope.ServiceProvider.GetRequiredService<Registrations>();
        var onListing = await registrations.ListAsync("listing", new DateOnly(2026, 3, 2), CancellationToken.None);
        var afterSuspension = await registrations.ListAsync("listing", new DateOnly(2026, 4, 1), CancellationToken.None);

        var entry = onListing.Single(r => r.InForce);
        Assert.Equal((consultant.Id, "0876.543.270", listed, "suspended", new DateOnly(2027, 3, 1)),
            (entry.PartyId, entry.EnterpriseNumber, entry.Reference, entry.State, entry.ValidUntil));
        Assert.Equal(pending, onListing.Single(r => !r.InForce).Reference);
        Assert.DoesNotContain(afterSuspension, r => r.InForce);
        await Assert.ThrowsAsync<ArgumentException>(() => registrations.ListAsync("nope", new DateOnly(2026, 3, 2), CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_programme_rule_sees_the_register_and_not_what_the_applicant_claims(DatabaseProvider provider)
    {
        await using var platform = await ListingRegister.StartAsync(provider);
        var (_, listedProvider) = await ListingRegister.RegisterAsync(platform, "Conseil Numérique SPRL", "0876.543.270");
        var (_, unlistedProvider) = await ListingRegister.RegisterAsync(platform, "Attente SA", "0789.012.351", list: false);

        var accepted = await ApplyAsync(platform, listedProvider);
        var claimed = await Assert.ThrowsAsync<ArgumentException>(() => ApplyAsync(platform, unlistedProvider, claim: new { registered = true, name = "Attente SA" }));
        var refused = await ApplyAsync(platform, unlistedProvider);

        Assert.Contains("'provider'", claimed.Message, StringComparison.Ordinal); // a register fact is never the opener's to give
        Assert.Equal("accepted", accepted.State);
        Assert.Equal("refused", refused.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == refused.Reference);
        var snapshot = await db.EvaluationSnapshots.SingleAsync(s => s.DossierId == dossier.Id);
        Assert.Contains("Attente SA is not listed", snapshot.ExplanationJson, StringComparison.Ordinal);
        Assert.Contains("\"registrations\"", snapshot.FactsJson, StringComparison.Ordinal); // the register's evidence is kept
        Assert.DoesNotContain("registrations", dossier.FactsJson, StringComparison.Ordinal); // but never stored as a dossier fact
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_provider_whose_listing_lapsed_before_the_submission_date_does_not_qualify(DatabaseProvider provider)
    {
        await using var platform = await ListingRegister.StartAsync(provider);
        var (listing, consultant) = await ListingRegister.RegisterAsync(platform, "Conseil Numérique SPRL", "0876.543.270");
        platform.Clock.Advance(TimeSpan.FromDays(366)); // validUntil was 2027-03-01; the listing still says "listed"

        var late = await ApplyAsync(platform, consultant);

        Assert.Equal("refused", late.State);
        await using var scope = platform.Scope();
        var entry = Assert.Single(await scope.ServiceProvider.GetRequiredService<Registrations>().ListAsync("listing", new DateOnly(2027, 3, 1), CancellationToken.None));
        Assert.Equal((listing, true), (entry.Reference, entry.InForce));
    }

    private static async Task<FiringReport> ApplyAsync(TestPlatform platform, Party provider, object? claim = null)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var number = EnterpriseNumber.Parse("0123.456.749");
        var company = await db.Parties.SingleOrDefaultAsync(p => p.EnterpriseNumber == number);
        if (company is null)
        {
            company = Party.Organisation("Forges SRL", number);
            db.Parties.Add(company);
            await db.SaveChangesAsync();
        }
        var applicant = new Actor("applicant-1", "Claire", ["applicant"], company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var facts = JsonSerializer.SerializeToElement(claim is null ? new object() : new { provider = claim });
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("provider-check-test",
            [(company, DossierRoles.Applicant), (await db.Parties.SingleAsync(p => p.Id == provider.Id), DossierRoles.Provider)], facts, applicant,
            DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime), null, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            // A claim can be neither an opening fact (refused: the register owns it) nor an input (refused: undeclared).
            Input = new Dictionary<string, JsonElement>(),
        }, applicant, CancellationToken.None);
    }
}
