using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Scheduling;

namespace DigitalWallonia.Platform.Casework;

/// <summary>How far a deadline is, in working days of the calendar it was planned on (its programme's).</summary>
public static class DeadlineDistance
{
    /// <summary>The last day a deadline leaves: one due at the end of a day (midnight in Brussels) belongs to that day.</summary>
    public static DateOnly DueDay(DateTimeOffset dueAt) => DeadlinePlanner.LegalDate(dueAt.AddTicks(-1));

    /// <summary>
    /// Working days from <paramref name="today"/> to <paramref name="due"/>: 0 when due today, 3 when three working days
    /// are left after today, negative when the deadline has passed (−1: due on the previous working day).
    /// </summary>
    public static int WorkingDays(WorkingDayCalendar calendar, DateOnly today, DateOnly due)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var (from, to, sign) = due >= today ? (today, due, 1) : (due, today, -1);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return sign * count;
    }
}
