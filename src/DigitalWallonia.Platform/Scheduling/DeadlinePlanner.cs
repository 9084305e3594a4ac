using System.Globalization;
using System.Text.RegularExpressions;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// Turns a workflow's deadline durations into UTC instants. Days end at 24:00 Europe/Brussels: a company given 30 days
/// from 1 March has until the end of 31 March, Belgian time, whatever the season's UTC offset.
/// </summary>
public sealed partial class DeadlinePlanner
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>When a deadline of <paramref name="duration"/> started at <paramref name="startsAt"/> (legal date <paramref name="startsOn"/>) falls due.</summary>
    /// <exception cref="InvalidOperationException">The duration cannot be resolved (malformed ISO text, unknown parameter).</exception>
    public DateTimeOffset DueAt(DeadlineDuration duration, DateTimeOffset startsAt, DateOnly startsOn)
    {
        ArgumentNullException.ThrowIfNull(duration);
        return duration.Kind switch
        {
            DurationKind.CalendarDays => EndOfDay(startsOn.AddDays(duration.Days)),
            DurationKind.WorkingDays => EndOfDay(AddWorkingDays(startsOn, duration.Days)),
            DurationKind.Iso => AddIso(startsAt, duration.Iso ?? ""),
            _ => throw new InvalidOperationException($"The deadline duration '{duration}' cannot be resolved here."),
        };
    }

    /// <summary>A reminder's instant: <paramref name="before"/> ahead of <paramref name="dueAt"/>.</summary>
    public DateTimeOffset ReminderAt(DeadlineDuration before, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(before);
        var dueDay = LegalDate(dueAt.AddTicks(-1)); // 24:00 belongs to the day it ends
        return before.Kind switch
        {
            DurationKind.CalendarDays => EndOfDay(dueDay.AddDays(-before.Days)),
            DurationKind.WorkingDays => EndOfDay(AddWorkingDays(dueDay, -before.Days)),
            DurationKind.Iso => dueAt - (AddIso(dueAt, before.Iso ?? "") - dueAt),
            _ => throw new InvalidOperationException($"The reminder offset '{before}' cannot be resolved here."),
        };
    }

    /// <summary>The legal date (Europe/Brussels) of an instant.</summary>
    public static DateOnly LegalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Brussels).DateTime);

    /// <summary>24:00 Brussels time at the end of <paramref name="day"/>, as a UTC instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Brussels.GetUtcOffset(midnight)).ToUniversalTime();
    }

    // Weekdays only; the programme calendars (public holidays, closure days) refine this.
    private static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var day = from;
        for (var counted = 0; counted < Math.Abs(days);)
        {
            day = day.AddDays(step);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return day;
    }

    private static DateTimeOffset AddIso(DateTimeOffset start, string iso)
    {
        var match = IsoDuration().Match(iso);
        if (!match.Success || iso is "P" or "PT")
        {
            throw new InvalidOperationException($"'{iso}' is not an ISO-8601 duration such as P30D, P3Y or PT48H.");
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var local = TimeZoneInfo.ConvertTime(start, Brussels).DateTime;
        local = local.AddYears(Part("y")).AddMonths(Part("mo")).AddDays(7 * Part("w") + Part("d"));
        var instant = new DateTimeOffset(local, Brussels.GetUtcOffset(local));
        return instant.AddHours(Part("h")).AddMinutes(Part("mi")).AddSeconds(Part("s")).ToUniversalTime();
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+)S)?)?$")]
    private static partial Regex IsoDuration();
}
