using System.Text;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Programmes.LabelScenario;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The Digital Wallonia label end to end on the shipped content (workflows/label.json, rules/label, templates/*/label-*):
/// issued then expired on the sweeper's clock, renewed, refused, overdue, suspended and reinstated, withdrawn.
/// </summary>
public class LabelProgrammeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_application_meeting_the_charter_goes_to_the_committee_with_a_decision_deadline(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform);

        var report = await FireAsync(platform, reference, Apply(), PromoterOf(promoter));

        Assert.Equal("committee-review", report.State);
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-submitted"));
        Assert.Equal([(CommitteeMailbox, "fr")], await MessagesAsync(platform, "label-review-requested"));
        var deadline = await QueryAsync(platform, db => db.Deadlines.Include(d => d.Reminders).SingleAsync());
        Assert.Equal(("decision", DeadlineStatus.Pending), (deadline.Kind, deadline.Status));
        Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 5, 1)), deadline.DueAt); // label.decisionDelay: 60 calendar days
        Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 4, 21)), Assert.Single(deadline.Reminders).DueAt); // 10 days before
        var snapshot = await QueryAsync(platform, db => db.EvaluationSnapshots.SingleAsync());
        Assert.Equal(("label-charter", new DateOnly(2026, 3, 2), true), (snapshot.RuleSet, snapshot.AsOfDate, snapshot.Passed));
        Assert.Contains("\"Value\":\"2019\"", snapshot.ExplanationJson, StringComparison.Ordinal); // the charter version it was checked against
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_application_missing_a_commitment_or_its_evidence_is_refused_at_once_and_writes_nothing(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform);

        var missingCommitment = await FireAsync(platform, reference, Apply(commitments: MandatoryCommitments[..^1]), PromoterOf(promoter));
        var missingEvidence = await FireAsync(platform, reference, Apply(accessibilityStatement: false), PromoterOf(promoter));

        Assert.Equal(("guard-failed", "draft"), (missingCommitment.Rejection?.Code, missingCommitment.State));
        Assert.Contains("yearly-follow-up", missingCommitment.Rejection!.Guard!.ExplanationJson, StringComparison.Ordinal);
        Assert.Contains("accessibility-statement", missingEvidence.Rejection!.Guard!.ExplanationJson, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(platform, db => db.OutboxMessages.CountAsync()));
        Assert.Equal(0, await QueryAsync(platform, db => db.Deadlines.CountAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_label_is_granted_reminded_twice_and_expires_on_the_sweepers_clock(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, _) = await LabelledAsync(platform); // decided on 2026-03-20

        var decision = await QueryAsync(platform, db => db.Decisions.SingleAsync());
        Assert.Equal(("grant", new DateOnly(2026, 3, 20), "committee-1", "label-charter", (decimal?)null), (decision.Kind, decision.DecidedOn, decision.DecidedBy, decision.RuleSet, decision.Amount));
        Assert.Equal("2029-03-19", await FactAsync(platform, reference, "validUntil"));
        Assert.Empty(await QueryAsync(platform, db => db.AidGrants.ToListAsync())); // a label is no State aid
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-granted"));
        var letter = await QueryAsync(platform, db => db.Documents.SingleAsync());
        Assert.Equal(("decision-letter", "en"), (letter.Kind, letter.Language));
        var text = await LetterTextAsync(platform, letter.Id);
        Assert.Contains("valid until <strong>Monday 19 March 2029</strong>", text, StringComparison.Ordinal);
        Assert.Contains("Wallonie Code Club", text, StringComparison.Ordinal);
        var expiry = await QueryAsync(platform, db => db.Deadlines.Include(d => d.Reminders).SingleAsync(d => d.Kind == "expiry"));
        Assert.Equal(new DateTimeOffset(2029, 3, 20, 9, 0, 0, TimeSpan.Zero), expiry.DueAt); // P36M from the decision, Brussels wall clock
        var reminders = expiry.Reminders.OrderBy(r => r.DueAt).ToList();
        Assert.Equal([new DateOnly(2028, 12, 20), new DateOnly(2029, 2, 18)], reminders.Select(r => DeadlinePlanner.LegalDate(r.DueAt)));

        var first = await SweepAtAsync(platform, reminders[0].DueAt.AddMinutes(1));
        var second = await SweepAtAsync(platform, reminders[1].DueAt.AddMinutes(1));
        Assert.Equal((0, 1), (first.DeadlinesFired, first.RemindersFired));
        Assert.Equal((0, 1), (second.DeadlinesFired, second.RemindersFired));
        Assert.Equal([("dgo6@example.org", "fr"), ("dgo6@example.org", "fr"), ("sofia@0789.example", "en"), ("sofia@0789.example", "en")],
            await MessagesAsync(platform, "label-expiry-reminder"));
        Assert.Equal("labelled", await StateAsync(platform, reference));

        var due = await SweepAtAsync(platform, expiry.DueAt.AddSeconds(1));

        Assert.Equal(1, due.DeadlinesFired);
        Assert.Equal("expired", await StateAsync(platform, reference));
        Assert.Equal(["apply", "label", "expire"], await TransitionsAsync(platform, reference));
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-expired"));
        Assert.Equal(2, await QueryAsync(platform, db => db.AuditEvents.CountAsync(e => e.Kind == "reminder-sent")));
        await AssertAuditChainAsync(platform, reference);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_renewal_decided_before_expiry_starts_a_new_period_and_replaces_the_expiry_deadline(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await LabelledAsync(platform);
        var firstExpiry = await QueryAsync(platform, db => db.Deadlines.SingleAsync(d => d.Kind == "expiry"));
        platform.Clock.Set(new DateTimeOffset(2028, 12, 21, 9, 0, 0, TimeSpan.Zero));

        var applied = await FireAsync(platform, reference, ApplyForRenewal(), PromoterOf(promoter));
        platform.Clock.Set(new DateTimeOffset(2029, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var renewed = await FireAsync(platform, reference, new ActorActionFired("renew"), Committee);

        Assert.Equal(("renewal-review", "labelled"), (applied.State, renewed.State));
        Assert.Equal([(CommitteeMailbox, "fr"), ("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-renewal-submitted"));
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-renewed"));
        Assert.Equal("2032-01-09", await FactAsync(platform, reference, "validUntil"));
        Assert.Equal(["grant", "grant"], await QueryAsync(platform, db => db.Decisions.OrderBy(d => d.Id).Select(d => d.Kind).ToListAsync()));
        Assert.Equal(2, await QueryAsync(platform, db => db.Documents.CountAsync(d => d.Kind == "decision-letter")));
        var expiries = await QueryAsync(platform, db => db.Deadlines.Where(d => d.Kind == "expiry").OrderBy(d => d.Id).ToListAsync());
        Assert.Equal([(firstExpiry.DueAt, DeadlineStatus.Cancelled), (new DateTimeOffset(2032, 1, 10, 9, 0, 0, TimeSpan.Zero), DeadlineStatus.Pending)],
            expiries.Select(d => (d.DueAt, d.Status)));

        var oldExpiry = await SweepAtAsync(platform, firstExpiry.DueAt.AddMinutes(1));

        Assert.Equal(0, oldExpiry.DeadlinesFired);
        Assert.Equal("labelled", await StateAsync(platform, reference));
        Assert.Equal(["apply", "label", "apply-renewal", "renew"], await TransitionsAsync(platform, reference));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_committee_refuses_with_a_reason_in_a_letter_in_the_promoters_language(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform, language: "fr");
        await FireAsync(platform, reference, Apply(), PromoterOf(promoter));
        platform.Clock.Advance(TimeSpan.FromDays(10));

        var withoutReason = await FireAsync(platform, reference, new ActorActionFired("refuse"), Committee);
        var byPromoter = await FireAsync(platform, reference, Action("refuse", ("refusalReason", "x")), PromoterOf(promoter));
        var refused = await FireAsync(platform, reference, Action("refuse", ("refusalReason", "L'initiative est une offre commerciale sans lien avec le Plan.")), Committee);

        Assert.Equal("invalid-input", withoutReason.Rejection?.Code);
        Assert.Equal("role-missing", byPromoter.Rejection?.Code);
        Assert.Equal("refused", refused.State);
        var decision = await QueryAsync(platform, db => db.Decisions.SingleAsync());
        Assert.Equal(("refusal", new DateOnly(2026, 3, 12), "label-charter"), (decision.Kind, decision.DecidedOn, decision.RuleSet));
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "fr")], await MessagesAsync(platform, "label-refused"));
        var letter = await QueryAsync(platform, db => db.Documents.SingleAsync());
        Assert.Equal("fr", letter.Language);
        Assert.Contains("sans lien avec le Plan", await LetterTextAsync(platform, letter.Id), StringComparison.Ordinal);
        Assert.Equal(DeadlineStatus.Cancelled, (await QueryAsync(platform, db => db.Deadlines.SingleAsync())).Status); // the committee's deadline
        var audit = await QueryAsync(platform, db => db.AuditEvents.Where(e => e.Kind == "transition").OrderBy(e => e.Sequence).Select(e => e.Payload).ToListAsync());
        Assert.Contains("\"refusalReason\"", audit[^1], StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_committee_is_reminded_then_told_it_is_late_and_can_still_decide(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, promoter) = await OpenAsync(platform);
        await FireAsync(platform, reference, Apply(), PromoterOf(promoter));

        var reminder = await SweepAtAsync(platform, DeadlinePlanner.EndOfDay(new DateOnly(2026, 4, 21)).AddMinutes(1));
        var overdue = await SweepAtAsync(platform, DeadlinePlanner.EndOfDay(new DateOnly(2026, 5, 1)).AddMinutes(1));

        Assert.Equal((0, 1), (reminder.DeadlinesFired, reminder.RemindersFired));
        Assert.Equal((1, 0), (overdue.DeadlinesFired, overdue.RemindersFired));
        Assert.Equal([(CommitteeMailbox, "fr"), ("dgo6@example.org", "fr")], await MessagesAsync(platform, "label-decision-reminder"));
        Assert.Equal([(CommitteeMailbox, "fr"), ("dgo6@example.org", "fr")], await MessagesAsync(platform, "label-decision-overdue"));
        Assert.Equal("decision-overdue", await StateAsync(platform, reference));

        var late = await FireAsync(platform, reference, new ActorActionFired("label"), Committee);

        Assert.Equal("labelled", late.State);
        Assert.Equal(["apply", "decision-overdue", "label-late"], await TransitionsAsync(platform, reference));
        Assert.Equal("2029-05-01", await FactAsync(platform, reference, "validUntil")); // decided on 2026-05-02
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_suspended_label_keeps_its_expiry_and_comes_back_when_reinstated(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, _) = await LabelledAsync(platform);
        var expiry = await QueryAsync(platform, db => db.Deadlines.SingleAsync(d => d.Kind == "expiry"));
        platform.Clock.Set(new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero));

        var suspended = await FireAsync(platform, reference, Action("suspend", ("suspensionReason", "La déclaration d'accessibilité n'est plus publiée.")), Committee);
        platform.Clock.Set(new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero));
        var reinstated = await FireAsync(platform, reference, Action("reinstate", ("reinstatementNote", "Déclaration republiée le 28 juin 2027.")), Committee);

        Assert.Equal(("suspended", "labelled"), (suspended.State, reinstated.State));
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-suspended"));
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-reinstated"));
        Assert.Equal("2029-03-19", await FactAsync(platform, reference, "validUntil"));
        var stillOpen = await QueryAsync(platform, db => db.Deadlines.SingleAsync(d => d.Kind == "expiry" && d.Status == DeadlineStatus.Pending));
        Assert.Equal((expiry.Id, expiry.DueAt), (stillOpen.Id, stillOpen.DueAt));
        Assert.Single(await QueryAsync(platform, db => db.Decisions.ToListAsync())); // suspension is no decision on the label itself
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_withdrawal_records_its_reason_in_a_decision_and_a_letter_and_stops_the_expiry(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, Monday);
        var (reference, _) = await LabelledAsync(platform);
        var expiry = await QueryAsync(platform, db => db.Deadlines.SingleAsync(d => d.Kind == "expiry"));
        platform.Clock.Set(new DateTimeOffset(2027, 9, 15, 9, 0, 0, TimeSpan.Zero));

        var withdrawn = await FireAsync(platform, reference, Action("withdraw", ("withdrawalReason", "The platform has been offline for six months.")), Committee);

        Assert.Equal("withdrawn", withdrawn.State);
        Assert.Equal(["grant", "withdrawal"], await QueryAsync(platform, db => db.Decisions.OrderBy(d => d.Id).Select(d => d.Kind).ToListAsync()));
        Assert.Equal("The platform has been offline for six months.", await FactAsync(platform, reference, "withdrawalReason"));
        Assert.Equal([("dgo6@example.org", "fr"), ("sofia@0789.example", "en")], await MessagesAsync(platform, "label-withdrawn"));
        var letters = await QueryAsync(platform, db => db.Documents.OrderBy(d => d.Id).ToListAsync());
        Assert.Contains("offline for six months", await LetterTextAsync(platform, letters[^1].Id), StringComparison.Ordinal);
        Assert.Equal(DeadlineStatus.Cancelled, (await QueryAsync(platform, db => db.Deadlines.SingleAsync(d => d.Id == expiry.Id))).Status);
        Assert.Equal(0, (await SweepAtAsync(platform, expiry.DueAt.AddMinutes(1))).Total);
        await AssertAuditChainAsync(platform, reference);
    }

    internal static Task<string> StateAsync(Support.TestPlatform platform, string reference) =>
        QueryAsync(platform, db => db.Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync());

    internal static Task<string> LetterTextAsync(Support.TestPlatform platform, long documentId) =>
        QueryAsync(platform, async db => Encoding.UTF8.GetString(await db.DocumentContents.Where(c => c.DocumentId == documentId).Select(c => c.Bytes).SingleAsync()));

    private static async Task AssertAuditChainAsync(Support.TestPlatform platform, string reference)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
        Assert.Contains(await db.AuditEvents.Select(e => e.Kind).ToListAsync(), k => k == "document-issued");
    }
}
