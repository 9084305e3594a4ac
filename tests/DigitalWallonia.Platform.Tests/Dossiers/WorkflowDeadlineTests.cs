using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

/// <summary>The deadline sweeper driving real workflows: reminders queue their notice, a due deadline fires its timer, once.</summary>
public class WorkflowDeadlineTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_reminder_then_the_deadline_move_a_dossier_the_company_left_unanswered(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await DossierWorkflowTests.ReviewAsync(platform, 40_000m);
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 25)).AddMinutes(1)); // the reminder, 7 days before
        var first = await sweeper.SweepAsync(CancellationToken.None);
        var again = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((0, 1), (first.DeadlinesFired, first.RemindersFired));
        Assert.Equal(0, again.Total);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var reminder = await db.OutboxMessages.SingleAsync(m => m.TemplateKey == "test-reminder");
            Assert.Equal("claire@forges.example", reminder.RecipientAddress);
            Assert.Equal("review", (await db.Dossiers.SingleAsync(d => d.Reference == reference)).State);
        }

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 4, 1)).AddSeconds(1)); // 30 days after 2 March
        var due = await sweeper.SweepAsync(CancellationToken.None);
        var later = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, due.DeadlinesFired);
        Assert.Equal(0, later.Total);
        await using var check = platform.Scope();
        var dbCheck = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await dbCheck.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("lapsed", dossier.State);
        Assert.Equal(["submit", "eligible", "lapse"], await dbCheck.DossierHistory.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).Select(h => h.TransitionId).ToListAsync());
        Assert.Equal(DeadlineStatus.Fired, (await dbCheck.Deadlines.SingleAsync()).Status);
        Assert.Empty(await check.ServiceProvider.GetRequiredService<DigitalWallonia.Platform.Audit.AuditVerifier>().VerifyAsync(dbCheck, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_reminders_sharing_a_template_each_go_to_their_own_recipients(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        await PublishAsync(platform, """
            "reminders": [
              { "before": { "calendarDays": 14 }, "template": "test-reminder", "to": ["applicant"] },
              { "before": { "calendarDays": 2 }, "template": "test-reminder", "to": ["applicant", "case-handler"] } ] },
            """);
        await DossierWorkflowTests.ReviewAsync(platform, 40_000m); // opens on version 2: due 1 April 24:00 Brussels
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 18)).AddMinutes(1)); // 14 days before
        var early = await sweeper.SweepAsync(CancellationToken.None);
        var earlyRecipients = await ReminderRecipientsAsync(platform);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 30)).AddMinutes(1)); // 2 days before
        var late = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), (early.RemindersFired, late.RemindersFired));
        Assert.Equal(["claire@forges.example"], earlyRecipients);
        Assert.Equal(["claire@forges.example", "claire@forges.example", "dgo6@example.org"], await ReminderRecipientsAsync(platform));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reminder_planned_before_recipients_were_stored_goes_to_the_definitions_recipients(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await DossierWorkflowTests.ReviewAsync(platform, 40_000m);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.Equal(["applicant"], (await db.DeadlineReminders.SingleAsync()).Recipients);
            await db.DeadlineReminders.ExecuteUpdateAsync(r => r.SetProperty(x => x.Recipients, (IReadOnlyList<string>?)null));
        }

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 25)).AddMinutes(1)); // 7 days before
        var swept = await platform.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, swept.RemindersFired);
        Assert.Equal(["claire@forges.example"], await ReminderRecipientsAsync(platform));
        await using var check = platform.Scope();
        var dbCheck = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Null((await dbCheck.DeadlineReminders.SingleAsync()).Recipients);
        Assert.Equal(DeadlineStatus.Fired, (await dbCheck.DeadlineReminders.SingleAsync()).Status);
        Assert.Empty(await check.ServiceProvider.GetRequiredService<DigitalWallonia.Platform.Audit.AuditVerifier>().VerifyAsync(dbCheck, reference, CancellationToken.None));
    }

    // grant-test version 2, its answer deadline's reminders replaced by reminders (the JSON from "reminders" to the end of the action).
    private static async Task PublishAsync(TestPlatform platform, string reminders)
    {
        const string OneReminder = """
            "reminders": [ { "before": { "calendarDays": 7 }, "template": "test-reminder", "to": ["applicant"] } ] },
            """;
        var source = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestContent", "workflows", "grant-test.json"));
        Assert.Contains(OneReminder, source, StringComparison.Ordinal);
        await using var scope = platform.Scope();
        var published = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>().PublishAsync(
            scope.ServiceProvider.GetRequiredService<PlatformDbContext>(),
            source.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal).Replace(OneReminder, reminders, StringComparison.Ordinal),
            "grant-test.json", "policy-1", CancellationToken.None);
        Assert.Equal(PublishStatus.Published, published.Status);
    }

    private static async Task<List<string>> ReminderRecipientsAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.OutboxMessages.Where(m => m.TemplateKey == "test-reminder").OrderBy(m => m.RecipientAddress).Select(m => m.RecipientAddress).ToListAsync();
    }
}
