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

    [Fact]
    public async Task A_malformed_due_before_date_is_a_usage_error()
    {
        var (code, _, stderr) = await DwTests.RunAsync("deadlines", "list", "--due-before", "next tuesday");

        Assert.Equal(2, code);
        Assert.Contains("--due-before 'next tuesday'", stderr, StringComparison.Ordinal);
    }
}
