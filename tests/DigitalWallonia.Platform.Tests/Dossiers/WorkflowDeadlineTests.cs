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
}
