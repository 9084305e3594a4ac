using System.Globalization;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// A year (<c>2026</c>) or a quarter (<c>2026-Q1</c>) that values are reported for; both ends are inclusive calendar
/// dates (a quarter ends on its last day).
/// </summary>
public readonly record struct ReportingPeriod
{
    private ReportingPeriod(int year, int quarter)
    {
        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }

    /// <summary>1 to 4, or 0 for a year.</summary>
    public int Quarter { get; }

    public ReportingPeriodicity Periodicity => Quarter == 0 ? ReportingPeriodicity.Yearly : ReportingPeriodicity.Quarterly;

    public DateOnly Start => new(Year, Quarter == 0 ? 1 : (Quarter * 3) - 2, 1);

    public DateOnly End => Quarter == 0 ? new DateOnly(Year, 12, 31) : Start.AddMonths(3).AddDays(-1);

    public ReportingPeriod Next => Quarter == 0 ? new(Year + 1, 0) : Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public static ReportingPeriod Yearly(int year) => new(RequireYear(year), 0);

    public static ReportingPeriod Quarterly(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(RequireYear(year), quarter) : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");

    /// <summary>The period of <paramref name="periodicity"/> that holds <paramref name="day"/>.</summary>
    public static ReportingPeriod Holding(DateOnly day, ReportingPeriodicity periodicity) =>
        periodicity == ReportingPeriodicity.Yearly ? Yearly(day.Year) : Quarterly(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary><c>2026</c> or <c>2026-Q3</c>.</summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1900)
        {
            period = new(year, 0);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && text[5] is 'Q' or 'q' && text[6] is >= '1' and <= '4'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1900)
        {
            period = new(year, text[6] - '0');
            return true;
        }

        return false;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a reporting period: write a year (2026) or a quarter (2026-Q1).");

    public override string ToString() =>
        Quarter == 0 ? Year.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    private static int RequireYear(int year) =>
        year is >= 1900 and <= 9999 ? year : throw new ArgumentOutOfRangeException(nameof(year), year, "A reporting year is between 1900 and 9999.");
}
