using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Dossiers;

public class DossierWorkflowTests
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);
    private static readonly Actor Supervisor = new("supervisor-1", "Sam Supervisor", ["supervisor"]);

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Submitting_an_eligible_dossier_stores_state_history_snapshot_audit_outbox_and_deadline_together(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var (reference, company) = await OpenAsync(platform, requestedAmount: 40_000m);

        var report = await FireAsync(platform, reference, new ActorActionFired("submit") { Input = Input(("requestedAmount", 40_000)) }, Applicant(company));

        Assert.True(report.Accepted, report.Rejection?.Message);
        Assert.Equal("review", report.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal(["submit", "eligible"], await db.DossierHistory.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).Select(h => h.TransitionId).ToListAsync());
        var snapshot = Assert.Single(await db.EvaluationSnapshots.Where(s => s.DossierId == dossier.Id).ToListAsync());
        Assert.True(snapshot.Passed);
        Assert.Equal("1", snapshot.RuleSetVersion);
        Assert.Equal(new DateOnly(2026, 3, 2), snapshot.AsOfDate);
        Assert.Contains("\"requestedAmount\":40000", snapshot.FactsJson + snapshot.InputJson, StringComparison.Ordinal);
        var messages = await db.OutboxMessages.Where(m => m.DossierId == dossier.Id).OrderBy(m => m.RecipientAddress).ToListAsync();
        Assert.Equal(["claire@forges.example", "dgo6@example.org"], messages.Select(m => m.RecipientAddress));
        Assert.All(messages, m => Assert.Equal("test-received", m.TemplateKey));
        Assert.Contains(reference, messages[0].ModelJson, StringComparison.Ordinal);
        Assert.Equal(("Claire Dubois", "Gestionnaire de dossier"), (messages[0].RecipientName, messages[1].RecipientName));
        // Each reader is greeted and linked as who they are: the company's contact, and the team mailbox as staff with
        // a copy of the company's message.
        var company0 = System.Text.Json.Nodes.JsonNode.Parse(messages[0].ModelJson)!;
        var staff1 = System.Text.Json.Nodes.JsonNode.Parse(messages[1].ModelJson)!;
        Assert.Equal(("Madame, Monsieur,", null), ((string?)company0["recipient"]!["salutation"], (string?)company0["recipient"]!["copyOf"]));
        Assert.EndsWith($"/Portal/Dossier/{reference}", (string?)company0["dossier"]!["url"], StringComparison.Ordinal);
        Assert.Equal("Bonjour,", (string?)staff1["recipient"]!["salutation"]);
        Assert.False(string.IsNullOrEmpty((string?)staff1["recipient"]!["copyOf"]));
        Assert.EndsWith($"/Workspace/Dossiers/{reference}", (string?)staff1["dossier"]!["url"], StringComparison.Ordinal);
        var deadline = await db.Deadlines.Include(d => d.Reminders).SingleAsync(d => d.DossierId == dossier.Id);
        Assert.Equal(("answer", "review", DeadlineStatus.Pending), (deadline.Kind, deadline.State, deadline.Status));
        Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 4, 1)), deadline.DueAt); // 30 days after 2 March, 24:00 Brussels
        Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 25)), Assert.Single(deadline.Reminders).DueAt);
        Assert.Equal(3, dossier.AuditHeadSequence); // start, submit, eligible
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_ineligible_dossier_takes_the_other_automatic_transition_and_keeps_the_failed_evaluation(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var (reference, company) = await OpenAsync(platform, requestedAmount: 250_000m);

        var report = await FireAsync(platform, reference, new ActorActionFired("submit") { Input = Input(("requestedAmount", 250_000)) }, Applicant(company));

        Assert.Equal("ineligible", report.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var snapshot = await db.EvaluationSnapshots.SingleAsync();
        Assert.False(snapshot.Passed);
        Assert.Contains("above the ceiling", snapshot.ExplanationJson, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_second_approver_is_required_and_the_decision_ledger_follows(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await ReviewAsync(platform, 40_000m);
        await FireAsync(platform, reference, new ActorActionFired("propose"), Handler);

        var sameActor = await FireAsync(platform, reference, new ActorActionFired("approve"), Handler with { Roles = ["case-handler", "supervisor"] });
        var other = await FireAsync(platform, reference, new ActorActionFired("approve"), Supervisor);

        Assert.Equal("segregation-of-duties", sameActor.Rejection?.Code);
        Assert.Equal("granted", other.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var decision = await db.Decisions.SingleAsync();
        Assert.Equal(("grant", 20_000m, "handler-1", "supervisor-1"), (decision.Kind, decision.Amount, decision.DecidedBy, decision.CountersignedBy));
        Assert.Equal(20_000m, (await db.Instalments.SingleAsync()).Amount);
        var aid = await db.AidGrants.SingleAsync(); // the ledger follows the decision, in the same transaction
        Assert.Equal((decision.Id, AidRegulation.DeMinimis2023), (aid.DecisionId, aid.Regulation));
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal(platform.Clock.GetUtcNow().UtcDateTime.Date, dossier.DecidedOn!.Value.ToDateTime(TimeOnly.MinValue));
        Assert.Equal(20_000m, JsonDocument.Parse(dossier.FactsJson).RootElement.GetProperty("grantedAmount").GetDecimal());
        // Leaving "review" cancelled the answer deadline and its reminder.
        var deadline = await db.Deadlines.Include(d => d.Reminders).SingleAsync();
        Assert.Equal(DeadlineStatus.Cancelled, deadline.Status);
        Assert.All(deadline.Reminders, r => Assert.Equal(DeadlineStatus.Cancelled, r.Status));
    }

    // Each round trip costs the platform and the server CPU: the throughput benchmark (docs/benchmarks.md) rests on these counts.
    [Theory, OnSqlite, OnPostgres]
    public async Task A_firing_reads_the_dossier_in_two_queries_and_writes_everything_with_one_commit(DatabaseProvider provider)
    {
        using var log = new CommandLog();
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await ReviewAsync(platform, 40_000m); // review: a deadline with a reminder is open
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        log.Watch(db);

        // Leaving review cancels the deadline and its reminder; refusing records a decision; the audit event and the
        // history entry are written too.
        var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>()
            .FireAsync(reference, new ActorActionFired("refuse"), Handler, CancellationToken.None);

        Assert.Equal("refused", report.State);
        Assert.True(log.Queries.Count == 2, string.Join("\n---\n", log.Commands));
        Assert.Equal(1, log.Commits);
        Assert.Equal(0, log.Savepoints); // two more statements per firing for nothing: a failed save rolls the firing back whole
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.True(log.Commands.Count == 3, string.Join("\n---\n", log.Commands)); // Npgsql sends every write of SaveChanges in one batch
        }

        var deadline = await db.Deadlines.Include(d => d.Reminders).AsNoTracking().SingleAsync(d => d.Reminders.Count > 0);
        Assert.Equal(DeadlineStatus.Cancelled, deadline.Status);
        Assert.All(deadline.Reminders, r => Assert.Equal(DeadlineStatus.Cancelled, r.Status));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_timer_moves_the_dossier_on(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await ReviewAsync(platform, 40_000m);

        var report = await FireAsync(platform, reference, new TimerFired("answer"), Actor.System);

        Assert.Equal("lapsed", report.State);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_refused_action_writes_nothing(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await ReviewAsync(platform, 40_000m);
        var before = await CountsAsync(platform);

        var report = await FireAsync(platform, reference, new ActorActionFired("propose"), new Actor("intruder", "X", ["applicant"]));

        Assert.Equal("role-missing", report.Rejection?.Code);
        Assert.Equal(before, await CountsAsync(platform));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_person_acting_on_a_stale_dossier_gets_a_clear_conflict(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await ReviewAsync(platform, 40_000m);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();

        // Someone else refuses between our read and our write: simulate by bumping the version behind the context's back.
        await using (var other = platform.Scope())
        {
            await other.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, new ActorActionFired("refuse"), Handler, CancellationToken.None);
        }

        var again = await workflow.FireAsync(reference, new ActorActionFired("propose"), Handler, CancellationToken.None);

        Assert.Equal("not-allowed-in-state", again.Rejection?.Code); // a fresh read sees "refused"
        Assert.Equal("refused", await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Publishing_a_new_version_leaves_running_dossiers_on_theirs(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await ReviewAsync(platform, 40_000m);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var definitions = scope.ServiceProvider.GetRequiredService<DigitalWallonia.Platform.Definitions.WorkflowDefinitions>();
        var source = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestContent", "workflows", "grant-test.json"));

        var v2 = await definitions.PublishAsync(db, source.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal), "grant-test.json", "policy-1", CancellationToken.None);
        var changedV1 = await definitions.PublishAsync(db, source.Replace("Prime de test", "Autre titre", StringComparison.Ordinal), "grant-test.json", "policy-1", CancellationToken.None);
        var newer = await OpenAsync(platform, 10_000m, enterprise: "0456.123.494");

        Assert.Equal(DigitalWallonia.Platform.Definitions.PublishStatus.Published, v2.Status);
        Assert.Equal(DigitalWallonia.Platform.Definitions.PublishStatus.Refused, changedV1.Status);
        Assert.Contains("give this one version 3", changedV1.Error, StringComparison.Ordinal);
        Assert.Equal(1, await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.WorkflowVersion).SingleAsync());
        Assert.Equal(2, await db.Dossiers.Where(d => d.Reference == newer.Reference).Select(d => d.WorkflowVersion).SingleAsync());
    }

    internal static async Task<string> ReviewAsync(TestPlatform platform, decimal amount)
    {
        var (reference, company) = await OpenAsync(platform, amount);
        var report = await FireAsync(platform, reference, new ActorActionFired("submit") { Input = Input(("requestedAmount", amount)) }, Applicant(company));
        Assert.Equal("review", report.State);
        return reference;
    }

    internal static async Task<(string Reference, Party Company)> OpenAsync(TestPlatform platform, decimal requestedAmount, string enterprise = "0123.456.749",
        Actor? opener = null)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var number = EnterpriseNumber.Parse(enterprise);
        var company = await db.Parties.SingleOrDefaultAsync(p => p.EnterpriseNumber == number);
        if (company is null)
        {
            company = Party.Organisation("Forges SRL", number);
            company.AddContact("Claire Dubois", "claire@forges.example", "fr");
            db.Parties.Add(company);
            await db.SaveChangesAsync();
        }

        var facts = JsonSerializer.SerializeToElement(new
        {
            applicant = new { region = "WAL" }, // "company" is the company register's: never an opening fact
            application = new { requestedAmount },
        });
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync(
            "grant-test", [(company, DossierRoles.Applicant)], facts, opener ?? Applicant(company), DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime), requestedAmount, CancellationToken.None);
        return (dossier.Reference, company);
    }

    internal static Actor Applicant(Party company) =>
        new("claire", "Claire Dubois", ["applicant"], company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<(int, int, int, int, int)> CountsAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.DossierHistory.CountAsync(), await db.AuditEvents.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.Deadlines.CountAsync(), await db.EvaluationSnapshots.CountAsync());
    }
}
