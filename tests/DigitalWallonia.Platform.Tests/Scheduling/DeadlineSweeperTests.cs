using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Scheduling.TestNode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Tests.Scheduling;

public class DeadlineSweeperTests
{
    private static readonly DateTimeOffset Due = new(2026, 1, 21, 23, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deadline_fires_once_at_its_instant(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due - TimeSpan.FromSeconds(1));
        await using var node = Node(database, clock);
        var id = await AddAsync(database, dossier, Due);

        var early = await SweepAsync(node);
        clock.Set(Due);
        var onTime = await SweepAsync(node);
        clock.Advance(TimeSpan.FromHours(1));
        var later = await SweepAsync(node);

        Assert.Equal(0, early.DeadlinesFired);
        Assert.Equal(1, onTime.DeadlinesFired);
        Assert.Equal(0, later.DeadlinesFired);
        await using var db = database.CreateContext();
        Assert.Equal(new Dictionary<long, int> { [id] = 1 }, await FiringLog.DeadlineFiringsAsync(db, default));
        var deadline = await db.Deadlines.SingleAsync();
        Assert.Equal(DeadlineStatus.Fired, deadline.Status);
        Assert.Equal(Due, deadline.FiredAt);
        Assert.Equal(1, deadline.Attempts);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Reminders_fire_before_their_deadline(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due - TimeSpan.FromDays(3));
        await using var node = Node(database, clock);
        await AddAsync(database, dossier, Due, Due - TimeSpan.FromDays(2), Due - TimeSpan.FromDays(1));

        clock.Set(Due - TimeSpan.FromDays(2));
        var first = await SweepAsync(node);
        clock.Set(Due - TimeSpan.FromDays(1));
        var second = await SweepAsync(node);
        clock.Set(Due);
        var last = await SweepAsync(node);

        Assert.Equal((1, 0), (first.RemindersFired, first.DeadlinesFired));
        Assert.Equal((1, 0), (second.RemindersFired, second.DeadlinesFired));
        Assert.Equal((0, 1), (last.RemindersFired, last.DeadlinesFired));
        await using var db = database.CreateContext();
        Assert.All(await db.DeadlineReminders.ToListAsync(), r => Assert.Equal(DeadlineStatus.Fired, r.Status));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Leaving_the_state_cancels_the_deadline_and_its_reminders(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due - TimeSpan.FromDays(3));
        await using var node = Node(database, clock);
        var id = await AddAsync(database, dossier, Due, Due - TimeSpan.FromDays(1));
        await using (var db = database.CreateContext())
        {
            var deadline = await db.Deadlines.Include(d => d.Reminders).SingleAsync(d => d.Id == id);
            deadline.Cancel(clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        clock.Set(Due + TimeSpan.FromDays(1));
        var result = await SweepAsync(node);

        Assert.Equal(0, result.Total);
        await using var check = database.CreateContext();
        Assert.Equal(0, await FiringLog.CountAsync(check, default));
        Assert.Equal(DeadlineStatus.Cancelled, (await check.Deadlines.SingleAsync()).Status);
        Assert.Equal(DeadlineStatus.Cancelled, (await check.DeadlineReminders.SingleAsync()).Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reminder_still_pending_when_its_deadline_fires_is_cancelled_not_sent_late(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due + TimeSpan.FromDays(1));
        await using var node = Node(database, clock);
        await AddAsync(database, dossier, Due, Due - TimeSpan.FromDays(1));
        await using (var db = database.CreateContext())
        {
            // Another node holds the reminder's claim when the deadline fires.
            await db.DeadlineReminders.ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, "other").SetProperty(r => r.ClaimedUntil, Due + TimeSpan.FromDays(2)));
        }

        var result = await SweepAsync(node);

        Assert.Equal((0, 1), (result.RemindersFired, result.DeadlinesFired));
        await using var check = database.CreateContext();
        Assert.Equal(DeadlineStatus.Cancelled, (await check.DeadlineReminders.SingleAsync()).Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failing_firing_is_rolled_back_retried_after_the_delay_and_given_up_after_the_last_attempt(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due);
        var id = await AddAsync(database, dossier, Due);
        await using var node = Node(database, clock, new RecordingSettings { FailingDeadlines = new HashSet<long> { id } },
            new Dictionary<string, string?> { ["Scheduling:MaxAttempts"] = "2", ["Scheduling:RetryDelay"] = "00:05:00" });

        var first = await SweepAsync(node);
        var tooSoon = await SweepAsync(node);
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await SweepAsync(node);

        Assert.Equal((0, 1), (first.DeadlinesFired, first.Failures));
        Assert.Equal(0, tooSoon.Failures);
        Assert.Equal(1, second.Failures);
        await using var db = database.CreateContext();
        var deadline = await db.Deadlines.SingleAsync();
        Assert.Equal(DeadlineStatus.Failed, deadline.Status);
        Assert.Equal(2, deadline.Attempts);
        Assert.Contains("set to fail", deadline.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await FiringLog.CountAsync(db, default));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deadline_that_fails_all_its_attempts_is_logged_once_at_error_level_through_the_host_logger(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due);
        var id = await AddAsync(database, dossier, Due);
        var log = new CapturedLog();
        await using var node = Node(database, clock, new RecordingSettings { FailingDeadlines = new HashSet<long> { id } },
            new Dictionary<string, string?> { ["Scheduling:MaxAttempts"] = "2", ["Scheduling:RetryDelay"] = "00:05:00" }, log);

        await SweepAsync(node);
        var errorsAfterFirstAttempt = log.Lines.Count(l => l.Level >= LogLevel.Error);
        clock.Advance(TimeSpan.FromMinutes(5));
        await SweepAsync(node);

        Assert.Equal(0, errorsAfterFirstAttempt); // a retry is left: a warning only
        Assert.Equal(2, log.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith($"Deadline {id} failed to fire on node-a", StringComparison.Ordinal)));
        var error = Assert.Single(log.Lines, l => l.Level >= LogLevel.Error);
        Assert.Equal((LogLevel.Error, typeof(DeadlineSweeper).FullName), (error.Level, error.Category));
        Assert.Equal($"Deadline {id} failed all its 2 attempts and is marked Failed; it will not be retried (dw deadlines list --failed)", error.Message);
        Assert.Contains("set to fail", error.Exception?.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task One_failing_firing_does_not_hold_back_the_others_of_its_transaction(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due);
        var first = await AddAsync(database, dossier, Due);
        var failing = await AddAsync(database, dossier, Due);
        var last = await AddAsync(database, dossier, Due);
        await using var node = Node(database, clock, new RecordingSettings { FailingDeadlines = new HashSet<long> { failing } });

        var result = await SweepAsync(node);

        Assert.Equal((2, 1), (result.DeadlinesFired, result.Failures));
        await using var db = database.CreateContext();
        Assert.Equal(new Dictionary<long, int> { [first] = 1, [last] = 1 }, await FiringLog.DeadlineFiringsAsync(db, default));
        Assert.Equal(DeadlineStatus.Pending, (await db.Deadlines.SingleAsync(d => d.Id == failing)).Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_claim_left_by_a_dead_node_is_taken_again_once_expired(DatabaseProvider provider)
    {
        var (database, dossier) = await SchedulingFixture.PrepareAsync(provider);
        await using var _ = database;
        var clock = new FakeClock(Due);
        await using var node = Node(database, clock);
        await AddAsync(database, dossier, Due);
        await using (var db = database.CreateContext())
        {
            await db.Deadlines.ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, "dead-node").SetProperty(d => d.ClaimedUntil, Due + TimeSpan.FromMinutes(2)).SetProperty(d => d.Attempts, 1));
        }

        var whileClaimed = await SweepAsync(node);
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await SweepAsync(node);

        Assert.Equal(0, whileClaimed.DeadlinesFired);
        Assert.Equal(1, afterExpiry.DeadlinesFired);
        await using var check = database.CreateContext();
        Assert.Equal(2, (await check.Deadlines.SingleAsync()).Attempts);
    }

    private static RunningNode Node(TestDatabase database, FakeClock clock, RecordingSettings? recording = null, IDictionary<string, string?>? settings = null,
        CapturedLog? log = null) =>
        NodeHost.Build(database.Provider, database.ConnectionString, "node-a", settings, recording, clock, runScheduler: false, log);

    private static Task<SweepResult> SweepAsync(RunningNode node) => node.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);

    private static async Task<long> AddAsync(TestDatabase database, long dossierId, DateTimeOffset dueAt, params DateTimeOffset[] reminders)
    {
        await using var db = database.CreateContext();
        var deadline = new Deadline(dossierId, "decision", "submitted", dueAt, DateTimeOffset.UnixEpoch);
        foreach (var at in reminders)
        {
            deadline.AddReminder(at, "voucher-decision-reminder", ["case-handler"]);
        }

        db.Deadlines.Add(deadline);
        await db.SaveChangesAsync();
        return deadline.Id;
    }
}
