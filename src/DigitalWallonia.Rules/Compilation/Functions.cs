using System.Globalization;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// The string, number and date functions of the language. Each takes and returns nullable values: an absent
/// argument gives an absent result. Invalid arguments raise <see cref="RuleRuntimeException"/> with a clear message.
/// </summary>
internal static class Functions
{
    public static bool? Contains(string? s, string? t) => s is null || t is null ? null : s.Contains(t, StringComparison.Ordinal);

    public static bool? StartsWith(string? s, string? t) => s is null || t is null ? null : s.StartsWith(t, StringComparison.Ordinal);

    public static bool? EndsWith(string? s, string? t) => s is null || t is null ? null : s.EndsWith(t, StringComparison.Ordinal);

    public static string? ToUpper(string? s) => s?.ToUpperInvariant();

    public static string? ToLower(string? s) => s?.ToLowerInvariant();

    public static string? Trim(string? s) => s?.Trim();

    public static long? Length(string? s) => s?.Length;

    public static long? IndexOf(string? s, string? t) => s is null || t is null ? null : s.IndexOf(t, StringComparison.Ordinal);

    public static string? Replace(string? s, string? a, string? b)
    {
        if (s is null || a is null)
        {
            return null;
        }

        if (a.Length == 0)
        {
            throw new RuleRuntimeException("Replace: the text to replace is empty");
        }

        return s.Replace(a, b ?? string.Empty, StringComparison.Ordinal);
    }

    public static string? Substring(string? s, long? start, long? length)
    {
        if (s is null || start is not { } a)
        {
            return null;
        }

        var len = length ?? (s.Length - a);
        if (a < 0 || len < 0 || a + len > s.Length)
        {
            throw new RuleRuntimeException($"Substring({a}, {len}) is outside the text of length {s.Length}");
        }

        return s.Substring((int)a, (int)len);
    }

    public static long? CompareTo(string? a, string? b) => a is null || b is null ? null : Math.Sign(string.CompareOrdinal(a, b));

    public static bool? StringEquals(string? a, string? b, bool ignoreCase)
        => a is null || b is null ? (a is null && b is null ? null : false)
            : string.Equals(a, b, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    public static long? StringCompare(string? a, string? b, bool ignoreCase)
        => a is null || b is null ? null
            : Math.Sign(string.Compare(a, b, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    public static bool? IsNullOrEmpty(string? s) => string.IsNullOrEmpty(s);

    public static bool? IsNullOrWhiteSpace(string? s) => string.IsNullOrWhiteSpace(s);

    public static long? ParseInt(string? s)
    {
        if (s is null)
        {
            return null;
        }

        return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new RuleRuntimeException($"'{Shorten(s)}' is not a whole number");
    }

    public static decimal? ParseDecimal(string? s)
    {
        if (s is null)
        {
            return null;
        }

        return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new RuleRuntimeException($"'{Shorten(s)}' is not a number");
    }

    public static DateTime? ParseDate(string? s)
    {
        if (s is null)
        {
            return null;
        }

        return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var v)
            ? v
            : throw new RuleRuntimeException($"'{Shorten(s)}' is not a date; write it as YYYY-MM-DD");
    }

    public static DateTime? MakeDate(long? y, long? m, long? d)
    {
        if (y is null || m is null || d is null)
        {
            return null;
        }

        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth((int)y, (int)m))
        {
            throw new RuleRuntimeException($"{y}-{m}-{d} is not a date");
        }

        return new DateTime((int)y, (int)m, (int)d);
    }

    public static DateTime? AddYears(DateTime? d, long? n) => d is null || n is null ? null : Guard(() => d.Value.AddYears(checked((int)n)));

    public static DateTime? AddMonths(DateTime? d, long? n) => d is null || n is null ? null : Guard(() => d.Value.AddMonths(checked((int)n)));

    public static DateTime? AddDays(DateTime? d, decimal? n) => d is null || n is null ? null : Guard(() => d.Value.AddDays((double)n.Value));

    public static long? Year(DateTime? d) => d?.Year;

    public static long? Month(DateTime? d) => d?.Month;

    public static long? Day(DateTime? d) => d?.Day;

    public static TimeSpan? Subtract(DateTime? a, DateTime? b) => a is null || b is null ? null : a.Value - b.Value;

    public static decimal? TotalDays(TimeSpan? s) => s is null ? null : (decimal)s.Value.Ticks / TimeSpan.TicksPerDay;

    public static long? Days(TimeSpan? s) => s?.Days;

    public static decimal? Round(decimal? v, long? digits)
    {
        if (v is null || digits is null)
        {
            return null;
        }

        if (digits is < 0 or > 28)
        {
            throw new RuleRuntimeException($"Math.Round: {digits} decimals is outside 0..28");
        }

        // Half away from zero: the rule for money (0.005 -> 0.01), not .NET's default banker's rounding.
        return Math.Round(v.Value, (int)digits.Value, MidpointRounding.AwayFromZero);
    }

    public static decimal? Floor(decimal? v) => v is null ? null : Math.Floor(v.Value);

    public static decimal? Ceiling(decimal? v) => v is null ? null : Math.Ceiling(v.Value);

    public static long? AbsInt(long? v) => v is null ? null : checked(Math.Abs(v.Value));

    public static decimal? AbsDecimal(decimal? v) => v is null ? null : Math.Abs(v.Value);

    public static long? MinInt(long? a, long? b) => a is null || b is null ? null : Math.Min(a.Value, b.Value);

    public static long? MaxInt(long? a, long? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);

    public static decimal? MinDecimal(decimal? a, decimal? b) => a is null || b is null ? null : Math.Min(a.Value, b.Value);

    public static decimal? MaxDecimal(decimal? a, decimal? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);

    private static DateTime? Guard(Func<DateTime> f)
    {
        try
        {
            return f();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new RuleRuntimeException("the date falls outside years 1 to 9999");
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
