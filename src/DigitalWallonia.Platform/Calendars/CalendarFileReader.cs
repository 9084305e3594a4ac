using System.Globalization;
using System.Text.Json;

namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// Reads the calendar files of <c>calendars/</c>: one <c>NAME.json</c> per calendar and <c>programmes.json</c> naming each
/// programme's calendar. Errors name the file and the JSON path.
/// </summary>
internal static class CalendarFileReader
{
    public const string ProgrammesFile = "programmes.json";

    public static WorkingDayCalendar ReadCalendar(string source, ReadOnlySpan<byte> json)
    {
        using var document = Parse(source, json);
        var root = document.RootElement;
        var name = RequiredString(source, root, "name");
        var zoneId = root.TryGetProperty("timeZone", out var zone) ? zone.GetString() ?? "" : "Europe/Brussels";
        TimeZoneInfo timeZone;
        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            throw Error(source, "$.timeZone", $"unknown time zone '{zoneId}'");
        }

        var weekdays = Array(source, root, "workingWeekdays")
            .Select((d, i) => Enum.TryParse<DayOfWeek>(d.GetString(), ignoreCase: true, out var day)
                ? day
                : throw Error(source, $"$.workingWeekdays[{i}]", "expected a weekday such as \"monday\""))
            .ToList();
        var holidays = Array(source, root, "publicHolidays").Select((h, i) => Holiday(source, h, $"$.publicHolidays[{i}]")).ToList();
        var closures = new List<ClosureDay>();
        if (root.TryGetProperty("closureDays", out var byYear))
        {
            foreach (var year in byYear.EnumerateObject())
            {
                var i = 0;
                foreach (var day in year.Value.EnumerateArray())
                {
                    var path = $"$.closureDays.{year.Name}[{i++}]";
                    var date = ParseDate(source, path, RequiredString(source, day, "date", path));
                    if (date.Year.ToString(CultureInfo.InvariantCulture) != year.Name)
                    {
                        throw Error(source, path, $"{date:yyyy-MM-dd} is listed under year {year.Name}");
                    }

                    closures.Add(new ClosureDay(date, RequiredString(source, day, "name", path)));
                }
            }
        }

        try
        {
            return new WorkingDayCalendar(name, timeZone, weekdays, holidays, closures);
        }
        catch (ArgumentException e)
        {
            throw Error(source, "$", e.Message);
        }
    }

    public static (string? Default, IReadOnlyDictionary<string, string> Programmes) ReadProgrammes(string source, ReadOnlySpan<byte> json)
    {
        using var document = Parse(source, json);
        var root = document.RootElement;
        var fallback = root.TryGetProperty("default", out var d) ? d.GetString() : null;
        var programmes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("programmes", out var map))
        {
            foreach (var entry in map.EnumerateObject())
            {
                programmes[entry.Name] = entry.Value.GetString() ?? throw Error(source, $"$.programmes.{entry.Name}", "expected a calendar name");
            }
        }

        return (fallback, programmes);
    }

    private static HolidayRule Holiday(string source, JsonElement holiday, string path)
    {
        var name = RequiredString(source, holiday, "name", path);
        if (holiday.TryGetProperty("easterOffset", out var offset))
        {
            return HolidayRule.AfterEaster(name, offset.GetInt32());
        }

        var text = RequiredString(source, holiday, "date", path);
        if (text.Length != 5 || !DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(source, path + ".date", $"'{text}' is not a day of the year written MM-dd, e.g. \"07-21\"");
        }

        return HolidayRule.Fixed(name, date.Month, date.Day);
    }

    private static JsonDocument Parse(string source, ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    private static IEnumerable<JsonElement> Array(string source, JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : throw Error(source, "$." + property, "expected an array");

    private static string RequiredString(string source, JsonElement element, string property, string path = "$") =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Error(source, $"{path}.{property}", "expected a non-empty string");

    private static DateOnly ParseDate(string source, string path, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(source, path + ".date", $"'{text}' is not a date written yyyy-MM-dd");

    private static InvalidDataException Error(string source, string path, string message) => new($"{source}: {path}: {message}");
}
