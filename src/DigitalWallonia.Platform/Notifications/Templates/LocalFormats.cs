using System.Globalization;

namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Dates and amounts written the way a Belgian reader expects in each language: "mardi 31 mars 2026", "1 234,56 €"
/// (fr-BE), "dinsdag 31 maart 2026", "€ 1.234,56" (nl-BE), "Dienstag, 31. März 2026" (de-BE). Spaces inside a number or
/// an amount never break: ICU gives U+202F as the French group separator but a plain space before "€", which a line
/// could break at, so it is replaced here by U+00A0. Thread-safe.
/// </summary>
public static class LocalFormats
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language switch
    {
        "nl" => "nl-BE",
        "de" => "de-BE",
        "en" => "en-BE",
        _ => "fr-BE",
    });

    /// <summary>A legal date, or the Brussels date of an instant, in words.</summary>
    public static string Date(DateOnly date, string language)
    {
        var pattern = language == "de" ? "dddd, d. MMMM yyyy" : "dddd d MMMM yyyy";
        return date.ToString(pattern, Culture(language));
    }

    public static string Money(decimal amount, string language) =>
        NoBreak(amount.ToString("C2", Culture(language)));

    public static string Number(decimal value, string language) =>
        NoBreak(value.ToString("#,##0.##", Culture(language)));

    /// <summary>
    /// A rate the rules hold as a fraction (0.5) as a percentage: "50 %" in French, Dutch and German, "50%" in English.
    /// </summary>
    public static string Percent(decimal fraction, string language) =>
        NoBreak(fraction.ToString(language == "en" ? "#,##0.##%" : "#,##0.## %", Culture(language)));

    /// <summary>
    /// Reads what a model holds for a date: <c>yyyy-MM-dd</c> is a legal date; an ISO 8601 instant is taken on the
    /// Brussels calendar (an instant just before midnight UTC is already the next day in Brussels).
    /// </summary>
    public static bool TryReadDate(object? value, out DateOnly date)
    {
        switch (value)
        {
            case DateOnly d:
                date = d;
                return true;
            case DateTimeOffset instant:
                date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Brussels).DateTime);
                return true;
            case DateTime dt:
                return TryReadDate(new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)), out date);
            case string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var legal):
                date = legal;
                return true;
            case string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                return TryReadDate(parsed, out date);
            default:
                date = default;
                return false;
        }
    }

    public static bool TryReadDecimal(object? value, out decimal amount)
    {
        switch (value)
        {
            case decimal m:
                amount = m;
                return true;
            case int or long or double or float:
                amount = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
            case string s:
                return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
            default:
                amount = 0;
                return false;
        }
    }

    private static string NoBreak(string text) => text.Replace(' ', '\u00A0');
}
