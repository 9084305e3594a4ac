using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The register of accredited cybersecurity professionals (workflows/cyber-professional.json) on the shipped content:
/// listed by the expert committee, renewed, withdrawn, expired after its reminders.
/// </summary>
public class CyberProfessionalRegisterTests
{
    internal static readonly Actor Committee = new("committee-1", "Comité d'experts", ["committee-member"]);
    internal static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);
    internal const string ProfessionalEmail = "luc@cybersur.example";
    internal const string CommitteeMailbox = "comite-cyber@example.org";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_complete_application_is_listed_by_the_committee_for_three_years_and_renewed(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, professional) = await ApplyAsync(platform);

        var listed = await FireAsync(platform, reference, new ActorActionFired("list") { Input = Input(("assessment", FavourableAssessment)) }, Committee);

        Assert.Equal("listed", listed.State);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("2029-03-01", ValidUntil(dossier)); // 2 March 2026 + 3 years - 1 day
            var decision = await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id);
            Assert.Equal(("grant", "committee-1", "cyber-professional-listing", (decimal?)null), (decision.Kind, decision.DecidedBy, decision.RuleSet, decision.Amount));
            Assert.Empty(await db.AidGrants.ToListAsync()); // a listing is no State aid
            var deadline = await db.Deadlines.Include(d => d.Reminders).SingleAsync(d => d.DossierId == dossier.Id);
            Assert.Equal(("listing", true), (deadline.Kind, deadline.LivesWithDossier));
            Assert.Equal(new DateTimeOffset(2029, 3, 2, 9, 0, 0, TimeSpan.Zero), deadline.DueAt); // P3Y from 10:00 Brussels
            Assert.Equal(2, deadline.Reminders.Count);
            var messages = await MessagesAsync(db, dossier.Id);
            Assert.Contains(("cyber-professional-submitted", ProfessionalEmail, "fr"), messages);
            Assert.Contains(("cyber-professional-submitted", CommitteeMailbox, "fr"), messages);
            Assert.Contains(("cyber-professional-listed", ProfessionalEmail, "fr"), messages);
            Assert.Contains(("cyber-professional-listed", "dgo6@example.org", "fr"), messages);
            Assert.Equal(["submit", "admissible", "list"], (await TransitionsAsync(db, dossier.Id)).TakeLast(3));
        }

        platform.Clock.Set(new DateTimeOffset(2028, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var applied = await FireAsync(platform, reference, new ActorActionFired("apply-renewal") { Input = Input(("application", CompleteApplication)) }, ProfessionalActor(professional));
        var renewed = await FireAsync(platform, reference, new ActorActionFired("renew") { Input = Input(("assessment", FavourableAssessment)) }, Committee);

        Assert.Equal(("renewal-review", "listed"), (applied.State, renewed.State));
        await using var check = platform.Scope();
        var dbCheck = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var renewedDossier = await dbCheck.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("2031-08-31", ValidUntil(renewedDossier)); // three years from the renewal decision
        Assert.Equal(2, await dbCheck.Decisions.CountAsync(d => d.DossierId == renewedDossier.Id && d.Kind == "grant"));
        var deadlines = await dbCheck.Deadlines.Where(d => d.DossierId == renewedDossier.Id).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([DeadlineStatus.Cancelled, DeadlineStatus.Pending], deadlines.Select(d => d.Status)); // the new period replaced the old
        Assert.Contains(("cyber-professional-renewed", ProfessionalEmail, "fr"), await MessagesAsync(dbCheck, renewedDossier.Id));
        Assert.Empty(await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(dbCheck, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_listed_professional_is_withdrawn_with_a_reason(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _) = await ListAsync(platform);

        var refusedWithoutReason = await FireAsync(platform, reference, new ActorActionFired("withdraw"), Handler);
        var withdrawn = await FireAsync(platform, reference,
            new ActorActionFired("withdraw") { Input = Input(("reason", "Conflit d'intérêts avéré avec une entreprise accompagnée.")) }, Handler);

        Assert.Equal("invalid-input", refusedWithoutReason.Rejection?.Code);
        Assert.Equal("withdrawn", withdrawn.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal(["grant", "withdrawal"], await db.Decisions.Where(d => d.DossierId == dossier.Id).OrderBy(d => d.Id).Select(d => d.Kind).ToListAsync());
        Assert.Equal(DeadlineStatus.Cancelled, (await db.Deadlines.SingleAsync(d => d.DossierId == dossier.Id)).Status);
        Assert.Contains(("cyber-professional-withdrawn", ProfessionalEmail, "fr"), await MessagesAsync(db, dossier.Id));
        var audit = await db.AuditEvents.Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Contains("\"transition\":\"withdraw\"", audit[^1].Payload, StringComparison.Ordinal);
        Assert.Contains("reason", audit[^1].Payload, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unrenewed_listing_expires_after_two_reminders(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _) = await ListAsync(platform);
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();

        platform.Clock.Set(new DateTimeOffset(2028, 12, 2, 10, 0, 0, TimeSpan.Zero)); // 90 days before 2 March 2029
        var first = await sweeper.SweepAsync(CancellationToken.None);
        platform.Clock.Set(new DateTimeOffset(2029, 1, 31, 10, 0, 0, TimeSpan.Zero)); // 30 days before
        var second = await sweeper.SweepAsync(CancellationToken.None);
        platform.Clock.Set(new DateTimeOffset(2029, 3, 2, 9, 0, 1, TimeSpan.Zero));
        var due = await sweeper.SweepAsync(CancellationToken.None);
        var again = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((0, 1), (first.DeadlinesFired, first.RemindersFired));
        Assert.Equal((0, 1), (second.DeadlinesFired, second.RemindersFired));
        Assert.Equal(1, due.DeadlinesFired);
        Assert.Equal(0, again.Total);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("expired", dossier.State);
        var messages = await MessagesAsync(db, dossier.Id);
        Assert.Equal(2, messages.Count(m => m == ("cyber-professional-expiry-reminder", ProfessionalEmail, "fr")));
        Assert.Contains(("cyber-professional-expired", ProfessionalEmail, "fr"), messages);
        var reminder = await db.OutboxMessages.FirstAsync(m => m.DossierId == dossier.Id && m.TemplateKey == "cyber-professional-expiry-reminder");
        Assert.Contains("\"listingDueOn\":\"2029-03-02\"", reminder.ModelJson, StringComparison.Ordinal);
        Assert.Equal("expire", (await TransitionsAsync(db, dossier.Id))[^1]);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_incomplete_application_goes_to_a_case_handler_who_refuses_it(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var professional = await ProfessionalAsync(platform);
        var reference = await OpenAsync(platform, professional);

        var submitted = await FireAsync(platform, reference, new ActorActionFired("submit")
        {
            Input = Input(("application", new { annualAccountsYears = 1, noDebtsToRegion = true, swornStatement = true, charterSigned = false, experts = Array.Empty<object>() })),
        }, ProfessionalActor(professional));
        var byTheProfessional = await FireAsync(platform, reference, new ActorActionFired("refuse") { Input = Input(("reason", "x")) }, ProfessionalActor(professional));
        var refused = await FireAsync(platform, reference, new ActorActionFired("refuse") { Input = Input(("reason", "Comptes annuels et charte manquants.")) }, Handler);

        Assert.Equal("completeness-review", submitted.State);
        Assert.Equal("role-missing", byTheProfessional.Rejection?.Code);
        Assert.Equal("refused", refused.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var snapshot = await db.EvaluationSnapshots.Where(s => s.DossierId == dossier.Id && s.RuleSet == "cyber-professional-admissibility").FirstAsync();
        Assert.False(snapshot.Passed);
        Assert.Contains("charte des prestataires", snapshot.ExplanationJson, StringComparison.Ordinal);
        Assert.Equal("refusal", (await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id)).Kind);
        var messages = await MessagesAsync(db, dossier.Id);
        Assert.Contains(("cyber-professional-incomplete", "dgo6@example.org", "fr"), messages);
        Assert.Contains(("cyber-professional-refused", ProfessionalEmail, "fr"), messages);
    }

    internal static readonly object CompleteApplication = new
    {
        annualAccountsYears = 3,
        noDebtsToRegion = true,
        swornStatement = true,
        charterSigned = true,
        experts = new[] { new { name = "Luc Martin", yearsOfExperience = 9 } },
    };

    internal static readonly object FavourableAssessment = new { administrativeCheck = true, technicalScore = 78, interviewHeld = true, favourable = true };

    internal static Task<TestPlatform> StartAsync(DatabaseProvider provider) =>
        TestPlatform.StartAsync(provider, shippedContent: true, configure: s => s["Mailboxes:Roles:committee-member"] = CommitteeMailbox);

    /// <summary>A consultancy listed through the register's workflow on the platform's clock; returns the registration and the party.</summary>
    internal static async Task<(string Reference, Party Professional)> ListAsync(TestPlatform platform)
    {
        var (reference, professional) = await ApplyAsync(platform);
        var listed = await FireAsync(platform, reference, new ActorActionFired("list") { Input = Input(("assessment", FavourableAssessment)) }, Committee);
        Assert.Equal("listed", listed.State);
        return (reference, professional);
    }

    internal static async Task<(string Reference, Party Professional)> ApplyAsync(TestPlatform platform)
    {
        var professional = await ProfessionalAsync(platform);
        var reference = await OpenAsync(platform, professional);
        var submitted = await FireAsync(platform, reference, new ActorActionFired("submit") { Input = Input(("application", CompleteApplication)) },
            ProfessionalActor(professional));
        Assert.Equal("committee-review", submitted.State);
        return (reference, professional);
    }

    private static async Task<Party> ProfessionalAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>().PublishContentAsync(db, CancellationToken.None);
        var professional = Party.Organisation("CyberSûr SRL", EnterpriseNumber.Parse("0412.345.614"));
        professional.AddContact("Luc Martin", ProfessionalEmail, "fr");
        db.Parties.Add(professional);
        await db.SaveChangesAsync();
        return professional;
    }

    private static async Task<string> OpenAsync(TestPlatform platform, Party professional)
    {
        await using var scope = platform.Scope();
        var tracked = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Parties.SingleAsync(p => p.Id == professional.Id);
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("cyber-professional",
            [(tracked, DossierRoles.Expert)], JsonSerializer.SerializeToElement(new { }), ProfessionalActor(professional),
            DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime), null, CancellationToken.None);
        return dossier.Reference;
    }

    internal static Actor ProfessionalActor(Party professional) =>
        new("luc", "Luc Martin", ["expert"], professional.Id.ToString(CultureInfo.InvariantCulture));


    internal static async Task<List<(string Template, string To, string Language)>> MessagesAsync(PlatformDbContext db, long dossierId) =>
        (await db.OutboxMessages.Where(m => m.DossierId == dossierId).OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.TemplateKey, m.RecipientAddress, m.Language)).ToList();

    internal static async Task<List<string>> TransitionsAsync(PlatformDbContext db, long dossierId) =>
        await db.DossierHistory.Where(h => h.DossierId == dossierId).OrderBy(h => h.Sequence).Select(h => h.TransitionId).ToListAsync();

    private static string? ValidUntil(Dossier dossier) =>
        JsonDocument.Parse(dossier.FactsJson).RootElement.GetProperty("validUntil").GetString();
}
