using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;

namespace DigitalWallonia.Cli.Tests.Scheduling;

public class DeadlinesCommandsTests
{
    [Fact]
    public async Task Deadlines_list_shows_the_pending_deadlines_due_before_a_Brussels_date()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            var dossier = Dossier.Open("VOUCHER-2026-000042", "voucher", "submitted", DateTimeOffset.UnixEpoch);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
            // 24:00 Brussels on 30 Nov 2026 (23:00 UTC) ends on 30 November: listed. The other ends on 1 December: not listed.
            var early = new Deadline(dossier.Id, "decision", "submitted", new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch);
            early.AddReminder(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero), "voucher-decision-reminder", ["applicant", "case-handler"]);
            db.Deadlines.Add(early);
            db.Deadlines.Add(new Deadline(dossier.Id, "label-expiry", "labelled", new DateTimeOffset(2026, 11, 30, 23, 0, 1, TimeSpan.Zero), DateTimeOffset.UnixEpoch));
            await db.SaveChangesAsync();
        }

        var (code, stdout, _) = await DwTests.RunAsync("deadlines", "list", "--due-before", "2026-12-01", "--connection", database.ConnectionString);

        Assert.Equal(0, code);
        Assert.Contains("VOUCHER-2026-000042", stdout, StringComparison.Ordinal);
        Assert.Matches(@"2026-11-30 23:00 +2026-12-01 00:00", stdout);
        Assert.Contains("1, next 2026-11-26 23:00", stdout, StringComparison.Ordinal);
        Assert.Contains("next reminder to: applicant, case-handler", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("label-expiry", stdout, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deadlines_list_failed_shows_what_the_scheduler_gave_up_on_and_exits_1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        string[] connection = ["--provider", provider.ToString(), "--connection", database.ConnectionString];
        var due = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);
        await using (var db = database.CreateContext())
        {
            var dossier = Dossier.Open("VOUCHER-2026-000042", "voucher", "submitted", DateTimeOffset.UnixEpoch);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
            var failed = new Deadline(dossier.Id, "decision", "submitted", due, DateTimeOffset.UnixEpoch)
            {
                Status = DeadlineStatus.Failed, Attempts = 10, LastError = "InvalidOperationException: no template 'x'",
            };
            var remindedInVain = new Deadline(dossier.Id, "consumption", "granted", due.AddDays(30), DateTimeOffset.UnixEpoch);
            var reminder = remindedInVain.AddReminder(due.AddDays(20), "voucher-consumption-reminder", ["applicant"]);
            reminder.Status = DeadlineStatus.Failed;
            reminder.Attempts = 10;
            reminder.LastError = "SmtpCommandException: mailbox unavailable";
            db.Deadlines.AddRange(failed, remindedInVain, new Deadline(dossier.Id, "label-expiry", "labelled", due, DateTimeOffset.UnixEpoch));
            await db.SaveChangesAsync();
        }

        var (code, stdout, _) = await DwTests.RunAsync(["deadlines", "list", "--failed", .. connection]);

        Assert.Equal(1, code);
        Assert.Matches(@"VOUCHER-2026-000042 +decision +submitted +Failed", stdout);
        Assert.Contains("last error: InvalidOperationException: no template 'x'", stdout, StringComparison.Ordinal);
        Assert.Matches(@"VOUCHER-2026-000042 +consumption +granted +Pending", stdout);
        Assert.Contains("reminder due 2026-12-20 23:00 failed after 10 attempt(s): SmtpCommandException: mailbox unavailable", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("label-expiry", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_list_failed_with_nothing_failed_says_so_and_exits_0()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);

        var (code, stdout, _) = await DwTests.RunAsync("deadlines", "list", "--failed", "--connection", database.ConnectionString);
        var conflicting = await DwTests.RunAsync("deadlines", "list", "--failed", "--status", "pending", "--connection", database.ConnectionString);

        Assert.Equal(0, code);
        Assert.Contains("No failed deadline or reminder.", stdout, StringComparison.Ordinal);
        Assert.Equal(2, conflicting.Code);
        Assert.Contains("--failed lists failed deadlines; it cannot go with --status pending", conflicting.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_due_before_date_is_a_usage_error()
    {
        var (code, _, stderr) = await DwTests.RunAsync("deadlines", "list", "--due-before", "next tuesday");

        Assert.Equal(2, code);
        Assert.Contains("--due-before 'next tuesday'", stderr, StringComparison.Ordinal);
    }
}
