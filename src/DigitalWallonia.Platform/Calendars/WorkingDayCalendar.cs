using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// Which days count as working days for a programme's delays: counted weekdays, minus public holidays computed each
/// year (Easter-based ones included), minus closure days listed per year. Immutable and thread-safe; holiday sets are
/// computed once per year on first use.
/// </summary>
public sealed class WorkingDayCalendar
{
    // No real calendar has a gap this long; past it a lookup is a bug (e.g. every weekday listed as a closure day).
    private const int MaxConsecutiveNonWorkingDays = 366;

    private readonly FrozenSet<DayOfWeek> _workingWeekdays;
    private readonly FrozenDictionary<DateOnly, string> _closures;
    private readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, string>> _holidaysByYear = new();

    /// <exception cref="ArgumentException">No working weekday, or a blank name.</exception>
    public WorkingDayCalendar(string name, TimeZoneInfo timeZone, IEnumerable<DayOfWeek> workingWeekdays,
        IEnumerable<HolidayRule> publicHolidays, IEnumerable<ClosureDay> closureDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(timeZone);
        Name = name;
        TimeZone = timeZone;
        _workingWeekdays = workingWeekdays.ToFrozenSet();
        if (_workingWeekdays.Count == 0)
        {
            throw new ArgumentException($"Calendar '{name}' counts no weekday as a working day.", nameof(workingWeekdays));
        }

        PublicHolidays = publicHolidays.ToList();
        ClosureDays = closureDays.OrderBy(c => c.Date).ToList();
        _closures = ClosureDays.GroupBy(c => c.Date).ToFrozenDictionary(g => g.Key, g => g.First().Name);
        ClosureYears = ClosureDays.Select(c => c.Date.Year).ToFrozenSet();
    }

    public string Name { get; }

    /// <summary>The zone in which days start and end (Europe/Brussels for every Walloon programme).</summary>
    public TimeZoneInfo TimeZone { get; }

    public IReadOnlySet<DayOfWeek> WorkingWeekdays => _workingWeekdays;

    public IReadOnlyList<HolidayRule> PublicHolidays { get; }

    public IReadOnlyList<ClosureDay> ClosureDays { get; }

    /// <summary>The years for which closure days are listed; other years count weekdays and public holidays only.</summary>
    public IReadOnlySet<int> ClosureYears { get; }

    public bool IsWorkingDay(DateOnly date) => WhyNotWorking(date) is null;

    /// <summary>Null for a working day, else the reason: the weekday's name, the holiday's or the closure day's name.</summary>
    public string? WhyNotWorking(DateOnly date)
    {
        if (!_workingWeekdays.Contains(date.DayOfWeek))
        {
            return date.DayOfWeek.ToString();
        }

        if (HolidaysOf(date.Year).TryGetValue(date, out var holiday))
        {
            return holiday;
        }

        return _closures.TryGetValue(date, out var closure) ? closure : null;
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="from"/>; <paramref name="from"/> itself never counts
    /// (a delay starts the day after its trigger). Zero days gives <paramref name="from"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days) => Step(from, days, +1);

    /// <summary>The <paramref name="days"/>-th working day before <paramref name="from"/>; <paramref name="from"/> itself never counts.</summary>
    public DateOnly SubtractWorkingDays(DateOnly from, int days) => Step(from, days, -1);

    /// <summary>The non-working days between two dates, both included, with their reasons (weekends included).</summary>
    public IEnumerable<NonWorkingDay> NonWorkingDays(DateOnly first, DateOnly last)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (WhyNotWorking(date) is { } reason)
            {
                yield return new NonWorkingDay(date, reason);
            }
        }
    }

    public override string ToString() => Name;

    private DateOnly Step(DateOnly from, int days, int direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        var skipped = 0;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(direction);
            if (IsWorkingDay(date))
            {
                counted++;
                skipped = 0;
            }
            else if (++skipped > MaxConsecutiveNonWorkingDays)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Calendar '{Name}' has no working day in the year after {date.AddDays(-direction * skipped)}."));
            }
        }

        return date;
    }

    private FrozenDictionary<DateOnly, string> HolidaysOf(int year) =>
        _holidaysByYear.GetOrAdd(year, y => PublicHolidays
            .Select(rule => (Date: rule.DateIn(y), rule.Name))
            .Where(h => h.Date is not null)
            .GroupBy(h => h.Date!.Value) // not null: filtered on the line above
            .ToFrozenDictionary(g => g.Key, g => g.First().Name));
}
