using System.Globalization;
using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Scheduling;

/// <summary><c>dw deadlines list [--due-before DATE] [--status S | --failed] [--limit N]</c>: the deadlines operators watch.</summary>
internal static class DeadlinesCommands
{
    private const int DefaultLimit = 200;

    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("dw deadlines list [--due-before DATE] [--status pending|failed|fired|cancelled|all | --failed] [--limit N] [--provider ...] [--connection ...]");
            console.Out.WriteLine("  Lists deadlines by due instant, pending and failed ones by default. DATE is a day (yyyy-MM-dd: due by 24:00");
            console.Out.WriteLine("  Brussels time the day before) or an instant (2026-12-01T12:00:00Z, exclusive). Times shown in UTC and Brussels time;");
            console.Out.WriteLine("  under a deadline, the roles its next reminder goes to and each reminder that failed all its attempts.");
            console.Out.WriteLine("  --failed: what the scheduler gave up on (GET /health says degraded while any is left) — deadlines that failed");
            console.Out.WriteLine("  all their attempts and deadlines with such a reminder, with the last error. Exit code 1 when there is any.");
            return args.Verb is null ? 2 : 0;
        }

        if (args.Verb != "list")
        {
            throw new CliUsageException($"unknown subcommand '{args.Verb}'; try 'dw deadlines --help'");
        }

        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var dueBefore = args.Option("due-before") is { } text ? ParseBound(text, brussels) : ((DateTimeOffset, bool)?)null;
        var failedOnly = args.Has("failed");
        if (failedOnly && args.Option("status") is { } status && !status.Equals("failed", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"--failed lists failed deadlines; it cannot go with --status {status}");
        }

        var statuses = failedOnly ? [DeadlineStatus.Failed] : ParseStatuses(args.Option("status"));
        var limit = args.Option("limit") is { } l
            ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new CliUsageException($"--limit '{l}' is not a positive number")
            : DefaultLimit;

        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var query = failedOnly
            ? db.Deadlines.AsNoTracking().Where(Deadline.GivenUp)
            : db.Deadlines.AsNoTracking().Where(d => statuses.Contains(d.Status));
        if (dueBefore is var (bound, inclusive))
        {
            query = inclusive ? query.Where(d => d.DueAt <= bound) : query.Where(d => d.DueAt < bound);
        }

        var rows = await query
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            .Take(limit + 1)
            .Select(d => new
            {
                d.Id,
                Reference = db.Dossiers.Where(x => x.Id == d.DossierId).Select(x => x.Reference).FirstOrDefault(),
                d.Kind,
                d.State,
                d.Status,
                d.DueAt,
                PendingReminders = d.Reminders.Count(r => r.Status == DeadlineStatus.Pending),
                NextReminder = d.Reminders.Where(r => r.Status == DeadlineStatus.Pending).OrderBy(r => r.DueAt).Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefault(),
                NextReminderTo = d.Reminders.Where(r => r.Status == DeadlineStatus.Pending).OrderBy(r => r.DueAt).Select(r => r.Recipients).FirstOrDefault(),
                d.Attempts,
                d.ClaimedBy,
                d.LastError,
                FailedReminders = d.Reminders.Where(r => r.Status == DeadlineStatus.Failed).OrderBy(r => r.DueAt)
                    .Select(r => new { r.DueAt, r.Attempts, r.LastError }).ToList(),
            })
            .ToListAsync(cancellationToken);

        if (rows.Count == 0)
        {
            console.Out.WriteLine(failedOnly ? "No failed deadline or reminder." : "No deadlines match.");
            return 0;
        }

        console.Out.WriteLine($"{"ID",8}  {"DOSSIER",-22} {"KIND",-18} {"STATE",-16} {"STATUS",-9} {"DUE (UTC)",-17} {"DUE (BRUSSELS)",-17} {"REMINDERS",-26} {"TRIES",5}  CLAIMED BY");
        foreach (var row in rows.Take(limit))
        {
            var reminders = row.PendingReminders == 0 ? "-" : $"{row.PendingReminders}, next {Utc(row.NextReminder!.Value)}"; // a pending reminder exists
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Id,8}  {row.Reference,-22} {row.Kind,-18} {row.State,-16} {row.Status,-9} {Utc(row.DueAt),-17} {Local(row.DueAt, brussels),-17} {reminders,-26} {row.Attempts,5}  {row.ClaimedBy ?? "-"}"));
            if (row.NextReminderTo is { Count: > 0 } roles)
            {
                console.Out.WriteLine($"{"",10}next reminder to: {string.Join(", ", roles)}");
            }

            if (row.LastError is { Length: > 0 } error)
            {
                console.Out.WriteLine($"{"",10}last error: {error}");
            }

            foreach (var reminder in row.FailedReminders)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"",10}reminder due {Utc(reminder.DueAt)} failed after {reminder.Attempts} attempt(s): {reminder.LastError ?? "-"}"));
            }
        }

        if (rows.Count > limit)
        {
            console.Out.WriteLine($"(first {limit} shown; use --limit or --due-before to see others)");
        }

        // A script watching for failures (cron, a monitoring probe) needs no parsing: 1 means someone must look.
        return failedOnly ? 1 : 0;
    }

    // A day D means "whose last day is before D": due at or before 24:00 Brussels time on the day before (a working-day
    // deadline ends exactly then). An instant is an exclusive bound.
    private static (DateTimeOffset Bound, bool Inclusive) ParseBound(string text, TimeZoneInfo brussels)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (DeadlineCalculator.EndOfDay(day.AddDays(-1), brussels), true);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? (instant.ToUniversalTime(), false)
            : throw new CliUsageException($"--due-before '{text}' is neither a date (2026-12-01) nor an instant (2026-12-01T12:00:00Z)");
    }

    private static List<DeadlineStatus> ParseStatuses(string? text) => text switch
    {
        null => [DeadlineStatus.Pending, DeadlineStatus.Failed],
        "all" => [.. Enum.GetValues<DeadlineStatus>()],
        _ when Enum.TryParse<DeadlineStatus>(text, ignoreCase: true, out var status) && !int.TryParse(text, out _) => [status],
        _ => throw new CliUsageException($"--status '{text}' is not one of pending, failed, fired, cancelled, all"),
    };

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
