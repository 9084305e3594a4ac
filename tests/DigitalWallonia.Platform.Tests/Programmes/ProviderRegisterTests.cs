using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The provider register (workflows/provider.json, rules/provider/) on the shipped content: labelling after review or on
/// the fast track, the validity written from the rule output, expiry reminders and expiry by the deadline sweeper,
/// renewal, suspension and withdrawal.
/// </summary>
public class ProviderRegisterTests
{
    internal static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    // Monday 2 March 2026, 09:00 UTC (10:00 in Brussels).
    internal static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_complete_application_is_reviewed_within_the_decision_deadline_then_labelled_for_three_years(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, company) = await ApplyAsync(platform, fastTrack: false);

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("under-review", dossier.State);
            var decision = await db.Deadlines.Include(d => d.Reminders).SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "decision");
            // provider.decisionDelay: 20 working days from Monday 2 March 2026 (no holiday in March) ends on Monday 30 March, 24:00.
            Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 30)), decision.DueAt);
            Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 25)), Assert.Single(decision.Reminders).DueAt);
            var started = await db.OutboxMessages.SingleAsync(m => m.DossierId == dossier.Id && m.TemplateKey == "provider-review-started" && m.RecipientAddress == "marc@conseil.example");
            Assert.Contains("\"decisionDueOn\":\"2026-03-30\"", started.ModelJson, StringComparison.Ordinal);
        }

        platform.Clock.Set(Start.AddDays(10));
        var approved = await FireAsync(platform, reference, new ActorActionFired("approve"), Handler);

        Assert.True(approved.Accepted, approved.Rejection?.Message);
        Assert.Equal("labelled", approved.State);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("2029-03-11", JsonDocument.Parse(dossier.FactsJson).RootElement.GetProperty("validUntil").GetString());
            var decision = await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id);
            Assert.Equal(("grant", "handler-1", new DateOnly(2026, 3, 12)), (decision.Kind, decision.DecidedBy, decision.DecidedOn));
            Assert.Empty(await db.AidGrants.ToListAsync()); // a label is no State aid: the ledger stays empty
            Assert.Equal(DeadlineStatus.Cancelled, (await db.Deadlines.SingleAsync(d => d.Kind == "decision")).Status);
            var expiry = await db.Deadlines.Include(d => d.Reminders).SingleAsync(d => d.Kind == "expiry");
            Assert.Equal(Start.AddDays(10).AddYears(3), expiry.DueAt); // P3Y on the Brussels wall clock, same offset in March
            Assert.Equal(2, expiry.Reminders.Count);
            var labelled = await db.OutboxMessages.Where(m => m.TemplateKey == "provider-labelled").OrderBy(m => m.RecipientAddress).ToListAsync();
            Assert.Equal(["dgo6@example.org", "marc@conseil.example"], labelled.Select(m => m.RecipientAddress));
            Assert.Equal(["fr", "fr"], labelled.Select(m => m.Language));
            var register = scope.ServiceProvider.GetRequiredService<Registrations>();
            Assert.False(Assert.Single(await register.ListAsync("provider", new DateOnly(2026, 3, 11), CancellationToken.None)).InForce); // still under review
            var entry = Assert.Single(await register.ListAsync("provider", new DateOnly(2026, 3, 12), CancellationToken.None));
            Assert.Equal((company.Id, new DateOnly(2029, 3, 11), true), (entry.PartyId, entry.ValidUntil, entry.InForce));
        }

        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();
        platform.Clock.Set(Start.AddDays(10).AddYears(3).AddDays(-1));
        var reminders = await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal((0, 2), (reminders.DeadlinesFired, reminders.RemindersFired)); // the 90-day and the 30-day reminders

        platform.Clock.Set(Start.AddDays(10).AddYears(3).AddMinutes(1));
        var expired = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, expired.DeadlinesFired);
        await using var check = platform.Scope();
        var dbCheck = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var final = await dbCheck.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("expired", final.State);
        Assert.Equal(["submit", "complete", "review", "approve", "expire"], await HistoryAsync(dbCheck, final.Id));
        Assert.Equal(2, await dbCheck.OutboxMessages.CountAsync(m => m.TemplateKey == "provider-expiry-reminder" && m.RecipientAddress == "marc@conseil.example"));
        Assert.Equal(2, await dbCheck.OutboxMessages.CountAsync(m => m.TemplateKey == "provider-expired"));
        Assert.Equal(2, await dbCheck.AuditEvents.CountAsync(a => a.DossierId == final.Id && a.Kind == "reminder-sent"));
        var registrations = check.ServiceProvider.GetRequiredService<Registrations>();
        Assert.True(Assert.Single(await registrations.ListAsync("provider", new DateOnly(2029, 3, 11), CancellationToken.None)).InForce);
        Assert.False(Assert.Single(await registrations.ListAsync("provider", new DateOnly(2029, 3, 12), CancellationToken.None)).InForce);
        await AssertEveryMessageRendersAsync(platform);
        Assert.Empty(await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(dbCheck, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_provider_holding_a_recognised_label_is_labelled_at_once_on_the_fast_track(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);

        var (reference, _) = await ApplyAsync(platform, fastTrack: true);

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("labelled", dossier.State);
        Assert.Equal(["submit", "complete", "fast-track"], await HistoryAsync(db, dossier.Id));
        Assert.Equal("2029-03-01", JsonDocument.Parse(dossier.FactsJson).RootElement.GetProperty("validUntil").GetString());
        var decision = await db.Decisions.SingleAsync();
        Assert.Equal(("grant", "provider-fast-track"), (decision.Kind, decision.RuleSet));
        Assert.Equal((Actor.System.SubjectId, (string?)null), (decision.DecidedBy, decision.CountersignedBy)); // the rules labelled it, not the provider who submitted
        Assert.DoesNotContain(await db.Deadlines.Select(d => d.Kind).ToListAsync(), k => k == "decision"); // no review, no decision deadline
        var snapshots = await db.EvaluationSnapshots.Where(s => s.DossierId == dossier.Id).Select(s => s.RuleSet).ToListAsync();
        Assert.Contains("provider-fast-track", snapshots);
        Assert.Contains("provider-label", snapshots);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.TemplateKey == "provider-labelled"));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_renewal_decided_before_expiry_gives_three_new_years_from_the_renewal(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, company) = await ApplyAsync(platform, fastTrack: true);
        platform.Clock.Set(new DateTimeOffset(2028, 12, 1, 9, 0, 0, TimeSpan.Zero));

        var requested = await FireAsync(platform, reference, new ActorActionFired("renew") { Input = Input(("application", Application(renewal: true, qualified: false))) }, ProviderActor(company));
        platform.Clock.Set(new DateTimeOffset(2028, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var renewed = await FireAsync(platform, reference, new ActorActionFired("approve"), Handler);

        Assert.Equal("renewal-review", requested.State);
        Assert.True(renewed.Accepted, renewed.Rejection?.Message);
        Assert.Equal("labelled", renewed.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("2031-12-02", JsonDocument.Parse(dossier.FactsJson).RootElement.GetProperty("validUntil").GetString());
        var expiries = await db.Deadlines.Where(d => d.Kind == "expiry").OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([DeadlineStatus.Cancelled, DeadlineStatus.Pending], expiries.Select(d => d.Status));
        Assert.Equal(new DateTimeOffset(2031, 12, 3, 9, 0, 0, TimeSpan.Zero), expiries[1].DueAt);
        var register = scope.ServiceProvider.GetRequiredService<Registrations>();
        Assert.True(Assert.Single(await register.ListAsync("provider", new DateOnly(2028, 12, 2), CancellationToken.None)).InForce); // renewal under review: still labelled
        Assert.True(Assert.Single(await register.ListAsync("provider", new DateOnly(2031, 12, 2), CancellationToken.None)).InForce);
        Assert.False(Assert.Single(await register.ListAsync("provider", new DateOnly(2031, 12, 3), CancellationToken.None)).InForce);
        Assert.Equal(["grant", "grant"], await db.Decisions.OrderBy(d => d.Id).Select(d => d.Kind).ToListAsync());
        Assert.Equal("provider-renewed", (await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync()).TemplateKey);
        await AssertEveryMessageRendersAsync(platform);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_suspended_label_is_withdrawn_with_its_reason_and_stops_its_expiry(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, company) = await ApplyAsync(platform, fastTrack: true);

        var suspended = await FireAsync(platform, reference, new ActorActionFired("suspend") { Input = Input(("reason", "Plainte d'un client: prestation facturée non réalisée")) }, Handler);
        var byProvider = await FireAsync(platform, reference, new ActorActionFired("withdraw") { Input = Input(("reason", "x")) }, ProviderActor(company));
        var withdrawn = await FireAsync(platform, reference, new ActorActionFired("withdraw") { Input = Input(("reason", "Conflit d'intérêts avéré avec une entreprise bénéficiaire")) }, Handler);

        Assert.Equal("suspended", suspended.State);
        Assert.Equal("role-missing", byProvider.Rejection?.Code);
        Assert.Equal("withdrawn", withdrawn.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(["grant", "withdrawal"], await db.Decisions.OrderBy(d => d.Id).Select(d => d.Kind).ToListAsync());
        Assert.Equal(DeadlineStatus.Cancelled, (await db.Deadlines.SingleAsync(d => d.Kind == "expiry")).Status);
        var message = await db.OutboxMessages.SingleAsync(m => m.TemplateKey == "provider-withdrawn");
        Assert.Contains("Conflit d'intérêts avéré", message.ModelJson, StringComparison.Ordinal);
        Assert.Equal("marc@conseil.example", message.RecipientAddress);
        Assert.False(Assert.Single(await scope.ServiceProvider.GetRequiredService<Registrations>().ListAsync("provider", new DateOnly(2026, 3, 2), CancellationToken.None)).InForce);
        await AssertEveryMessageRendersAsync(platform);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_incomplete_application_left_uncompleted_is_reminded_then_lapses(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _) = await ApplyAsync(platform, fastTrack: false, accountsYears: 2);
        var asked = await FireAsync(platform, reference, new ActorActionFired("request-completion") { Input = Input(("missingItems", "Comptes annuels 2023")) }, Handler);
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 25)).AddMinutes(1));
        var reminded = await sweeper.SweepAsync(CancellationToken.None);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 4, 1)).AddMinutes(1));
        var due = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal("awaiting-completion", asked.State);
        Assert.Equal((0, 1), (reminded.DeadlinesFired, reminded.RemindersFired));
        Assert.Equal(1, due.DeadlinesFired);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("lapsed", dossier.State);
        Assert.Equal(["submit", "incomplete", "request-completion", "lapse"], await HistoryAsync(db, dossier.Id));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.TemplateKey == "provider-completion-reminder"));
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.TemplateKey == "provider-lapsed"));
        Assert.Empty(await db.Decisions.ToListAsync());
        await AssertEveryMessageRendersAsync(platform);
    }

    internal static async Task<TestPlatform> StartAsync(DatabaseProvider provider, Action<Dictionary<string, string?>>? configure = null)
    {
        var platform = await TestPlatform.StartAsync(provider, Start, configure, shippedContent: true);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var published = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>().PublishContentAsync(db, CancellationToken.None);
        Assert.All(published, p => Assert.NotEqual(PublishStatus.Refused, p.Status));
        return platform;
    }

    /// <summary>A provider company applies; on the fast track it is labelled by the time this returns.</summary>
    internal static async Task<(string Reference, Party Provider)> ApplyAsync(TestPlatform platform, bool fastTrack, int accountsYears = 3)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var company = Party.Organisation("Conseil Numérique SPRL", EnterpriseNumber.Parse("0876.543.270"));
        company.AddContact("Marc Lejeune", "marc@conseil.example", "fr");
        db.Parties.Add(company);
        await db.SaveChangesAsync();
        var facts = JsonSerializer.SerializeToElement(new { name = company.Name, enterpriseNumber = "0876.543.270" });
        var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();
        var today = DeadlinePlanner.LegalDate(platform.Clock.GetUtcNow());
        var (dossier, _) = await workflow.OpenAsync("provider", [(company, DossierRoles.Provider)], facts, ProviderActor(company), today, null, CancellationToken.None);
        var report = await workflow.FireAsync(dossier.Reference,
            new ActorActionFired("submit") { Input = Input(("application", Application(renewal: false, qualified: fastTrack, accountsYears))) },
            ProviderActor(company), CancellationToken.None);
        Assert.True(report.Accepted, report.Rejection?.Message);
        return (dossier.Reference, company);
    }

    /// <summary>
    /// Renders every queued message as the dispatcher would: a model that does not match its template's model file would
    /// be dead-lettered in production.
    /// </summary>
    internal static async Task AssertEveryMessageRendersAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        var renderer = scope.ServiceProvider.GetRequiredService<TemplateRenderer>();
        var messages = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        var failures = new List<string>();
        foreach (var message in messages)
        {
            try
            {
                var rendered = renderer.Render(message.TemplateKey, message.Language, message.ModelJson);
                Assert.DoesNotContain("{{", rendered.Subject, StringComparison.Ordinal);
            }
            catch (TemplateException e)
            {
                failures.Add($"{message.TemplateKey} ({message.Language}): {e.Message}");
            }
        }

        Assert.NotEmpty(messages);
        Assert.Empty(failures);
    }

    internal static Actor ProviderActor(Party company) =>
        new("marc", "Marc Lejeune", ["provider"], company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static object Application(bool renewal, bool qualified, int accountsYears = 3) => new
    {
        services = new[] { "Diagnostic de maturité numérique", "Plan d'action de transformation numérique", "Accompagnement ERP" },
        themes = new[] { "digital-transformation", "technology" },
        annualAccountsYears = accountsYears,
        noDebtToRegion = true,
        swornStatement = true,
        charterSigned = true,
        renewal,
        qualifications = qualified
            ? new object[] { new { scheme = "label-entreprises", number = "LE-2024-0117", validUntil = "2027-01-31" } }
            : [],
    };


    internal static Task<List<string>> HistoryAsync(PlatformDbContext db, long dossierId) =>
        db.DossierHistory.Where(h => h.DossierId == dossierId).OrderBy(h => h.Sequence).Select(h => h.TransitionId).ToListAsync();
}
