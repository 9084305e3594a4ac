using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// An ISO-8601 duration as workflows write it (<c>P3Y</c>, <c>P30D</c>, <c>P1Y6M</c>, <c>PT48H</c>): a date part applied in
/// calendar units on the local date, and a time part applied as elapsed time. Whole numbers only.
/// </summary>
public readonly partial record struct IsoPeriod(int Years, int Months, int Weeks, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <exception cref="FormatException">Not an ISO-8601 duration of that form; the message quotes the text.</exception>
    public static IsoPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not an ISO-8601 duration such as P30D, P3Y or PT48H.");
        }

        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var time = TimeSpan.FromHours(Part(5)) + TimeSpan.FromMinutes(Part(6)) + TimeSpan.FromSeconds(Part(7));
        return new IsoPeriod(Part(1), Part(2), Part(3), Part(4), time);
    }

    /// <summary>Adds the date part to the local date-time (a month end is clamped: 31 January + P1M is 28/29 February), then the time part.</summary>
    public DateTime AddTo(DateTime local) =>
        local.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days).Add(Time);

    /// <summary>The reverse of <see cref="AddTo"/>: the time part first, then the date part.</summary>
    public DateTime SubtractFrom(DateTime local) =>
        local.Subtract(Time).AddDays(-((Weeks * 7) + Days)).AddMonths(-Months).AddYears(-Years);
}
