namespace DigitalWallonia.Platform.Parties;

/// <summary>
/// The day and month on which an organisation's fiscal year ends (31 December for most). Regulation 1407/2013 counts
/// de minimis aid over the current and the two previous fiscal years, so the ledger needs it. A fiscal year is taken
/// to last twelve months; a longer first or changed fiscal year is not modelled. 29 February means the last day of
/// February, so it becomes the 28th in common years.
/// </summary>
public readonly record struct FiscalYearEnd
{
    public FiscalYearEnd(int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        // A leap year, so that 29 February is accepted.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(2024, month));
        Month = month;
        Day = day;
    }

    public int Month { get; }

    public int Day { get; }

    public static FiscalYearEnd CalendarYear => new(12, 31);

    /// <summary>The last day of the fiscal year that ends in <paramref name="year"/>.</summary>
    public DateOnly EndIn(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    /// <summary>The last day of the fiscal year that contains <paramref name="date"/>.</summary>
    public DateOnly EndOfYearContaining(DateOnly date) => date <= EndIn(date.Year) ? EndIn(date.Year) : EndIn(date.Year + 1);

    /// <summary>Stored as month × 100 + day (1231), which sorts and reads well in SQL.</summary>
    internal int ToStorage() => (Month * 100) + Day;

    internal static FiscalYearEnd FromStorage(int value) => new(value / 100, value % 100);

    public override string ToString() => $"{Day:00}/{Month:00}";
}
