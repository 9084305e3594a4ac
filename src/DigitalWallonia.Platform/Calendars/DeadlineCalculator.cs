using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime.Effects;

namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// Turns a workflow's durations into UTC instants with a programme's calendar.
/// <list type="bullet">
/// <item>N working days: counted from the day after the trigger's local date; due at 24:00 local time on the N-th working day.</item>
/// <item>N calendar days: likewise, every day counted; due at 24:00 local time on the N-th day.</item>
/// <item>ISO-8601: the date part added in calendar units to the trigger's local date-time, the time part as elapsed time.</item>
/// <item>A parameter: read through the resolver as of the trigger's local date, then one of the above.</item>
/// </list>
/// "Local" is the calendar's zone (Europe/Brussels), so a delay ends at the same wall-clock time across DST changes. A
/// local time that does not exist (the spring gap) moves forward by the gap; an ambiguous one (the autumn repeat) is
/// the first of the two. Pure and thread-safe.
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>The plan of a deadline the workflow runtime asked for: its due instant and its reminders' instants.</summary>
    /// <exception cref="InvalidOperationException">A parameter duration without a resolver, or one that resolves to another parameter.</exception>
    /// <exception cref="FormatException">A malformed ISO-8601 duration.</exception>
    public static DeadlinePlan Plan(DeadlineCreated deadline, WorkingDayCalendar calendar, DurationParameterResolver? resolveParameter = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return Plan(deadline.StartsAt, deadline.Duration, deadline.Reminders, calendar, resolveParameter);
    }

    /// <inheritdoc cref="Plan(DeadlineCreated, WorkingDayCalendar, DurationParameterResolver?)"/>
    public static DeadlinePlan Plan(DateTimeOffset trigger, DeadlineDuration duration, IReadOnlyList<ReminderDefinition> reminders,
        WorkingDayCalendar calendar, DurationParameterResolver? resolveParameter = null)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var dueAt = DueAt(trigger, duration, calendar, resolveParameter);
        var asOf = LegalDate(trigger, calendar);
        var planned = reminders
            .Select(r => new PlannedReminder(r, ReminderAt(dueAt, r.Before, calendar, asOf, resolveParameter)))
            .Where(r => r.DueAt > trigger && r.DueAt < dueAt)
            .ToList();
        return new DeadlinePlan(dueAt, planned);
    }

    /// <summary>The UTC instant at which a delay of <paramref name="duration"/> that starts at <paramref name="trigger"/> ends.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset trigger, DeadlineDuration duration, WorkingDayCalendar calendar,
        DurationParameterResolver? resolveParameter = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = ToLocal(trigger, calendar.TimeZone);
        var day = DateOnly.FromDateTime(local);
        var concrete = Resolve(duration, day, resolveParameter);
        return concrete.Kind switch
        {
            DurationKind.WorkingDays => EndOfDay(calendar.AddWorkingDays(day, concrete.Days), calendar.TimeZone),
            DurationKind.CalendarDays => EndOfDay(day.AddDays(concrete.Days), calendar.TimeZone),
            _ => FromLocal(IsoPeriod.Parse(concrete.Iso ?? "").AddTo(local), calendar.TimeZone),
        };
    }

    /// <summary>
    /// The UTC instant <paramref name="before"/> a deadline due at <paramref name="dueAt"/>. A deadline due at local
    /// midnight ends the previous day (24:00), so "2 working days before" a deadline ending Friday 24:00 is Wednesday 24:00.
    /// </summary>
    public static DateTimeOffset ReminderAt(DateTimeOffset dueAt, DeadlineDuration before, WorkingDayCalendar calendar, DateOnly parameterAsOf,
        DurationParameterResolver? resolveParameter = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = ToLocal(dueAt, calendar.TimeZone);
        var concrete = Resolve(before, parameterAsOf, resolveParameter);
        if (concrete.Kind == DurationKind.Iso)
        {
            return FromLocal(IsoPeriod.Parse(concrete.Iso ?? "").SubtractFrom(local), calendar.TimeZone);
        }

        var endsDayBefore = local.TimeOfDay == TimeSpan.Zero;
        var day = DateOnly.FromDateTime(local).AddDays(endsDayBefore ? -1 : 0);
        var target = concrete.Kind == DurationKind.WorkingDays ? calendar.SubtractWorkingDays(day, concrete.Days) : day.AddDays(-concrete.Days);
        return endsDayBefore ? EndOfDay(target, calendar.TimeZone) : FromLocal(target.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)), calendar.TimeZone);
    }

    /// <summary>24:00 on <paramref name="day"/> in <paramref name="zone"/> (the start of the next day), as a UTC instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone) => FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>The calendar date of <paramref name="instant"/> in the calendar's zone.</summary>
    public static DateOnly LegalDate(DateTimeOffset instant, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return DateOnly.FromDateTime(ToLocal(instant, calendar.TimeZone));
    }

    private static DeadlineDuration Resolve(DeadlineDuration duration, DateOnly asOf, DurationParameterResolver? resolveParameter)
    {
        ArgumentNullException.ThrowIfNull(duration);
        if (duration.Kind != DurationKind.Parameter)
        {
            return duration;
        }

        if (resolveParameter is null)
        {
            throw new InvalidOperationException($"The duration names parameter '{duration.Parameter}' but no parameter resolver was given.");
        }

        var resolved = resolveParameter(duration.Parameter ?? "", asOf);
        if (resolved is null || resolved.Kind == DurationKind.Parameter)
        {
            throw new InvalidOperationException($"Parameter '{duration.Parameter}' as of {asOf:yyyy-MM-dd} must give working days, calendar days or an ISO-8601 duration.");
        }

        return resolved;
    }

    private static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    private static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // In the spring gap: read the wall-clock time with the offset in force before the change, i.e. move forward by the gap.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // In the autumn repeat: the first occurrence, which has the larger (summer) offset.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
