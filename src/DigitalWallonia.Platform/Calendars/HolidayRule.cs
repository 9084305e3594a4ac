namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// A public holiday that recurs every year: either a fixed day (<see cref="Month"/>, <see cref="Day"/>) or a number of days
/// after Gregorian Easter Sunday (<see cref="EasterOffset"/>: Easter Monday is 1, Ascension 39, Whit Monday 50).
/// </summary>
public sealed record HolidayRule
{
    private HolidayRule(string name, int month, int day, int? easterOffset)
    {
        Name = name;
        Month = month;
        Day = day;
        EasterOffset = easterOffset;
    }

    public string Name { get; }

    /// <summary>The month of a fixed holiday; 0 for an Easter-based one.</summary>
    public int Month { get; }

    /// <summary>The day of a fixed holiday; 0 for an Easter-based one.</summary>
    public int Day { get; }

    public int? EasterOffset { get; }

    public static HolidayRule Fixed(string name, int month, int day)
    {
        // 2000 is a leap year, so 29 February is accepted here; DateIn skips it in other years.
        _ = new DateOnly(2000, month, day);
        return new HolidayRule(name, month, day, null);
    }

    public static HolidayRule AfterEaster(string name, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, -100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 200);
        return new HolidayRule(name, 0, 0, days);
    }

    /// <summary>The holiday's date in <paramref name="year"/>, or null when it does not occur that year (29 February).</summary>
    public DateOnly? DateIn(int year)
    {
        if (EasterOffset is { } offset)
        {
            return Computus.GregorianEasterSunday(year).AddDays(offset);
        }

        return Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;
    }
}
