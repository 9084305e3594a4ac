using System.Diagnostics.CodeAnalysis;

namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// The working-day calendars by name and the calendar each programme names (<c>calendars/programmes.json</c>).
/// Immutable and thread-safe.
/// </summary>
public sealed class CalendarCatalogue
{
    private const string ResourcePrefix = "DigitalWallonia.Calendars.";

    private readonly Dictionary<string, WorkingDayCalendar> _calendars;
    private readonly Dictionary<string, string> _programmes;

    /// <exception cref="InvalidDataException">A programme or the default names a calendar that does not exist.</exception>
    public CalendarCatalogue(IEnumerable<WorkingDayCalendar> calendars, IReadOnlyDictionary<string, string> programmes, string? defaultCalendar)
    {
        _calendars = calendars.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _programmes = new Dictionary<string, string>(programmes, StringComparer.Ordinal);
        foreach (var (programme, calendar) in _programmes.Append(new("(default)", defaultCalendar ?? "")))
        {
            if (calendar.Length > 0 && !_calendars.ContainsKey(calendar))
            {
                throw new InvalidDataException(
                    $"{CalendarFileReader.ProgrammesFile}: programme '{programme}' names calendar '{calendar}', which does not exist (known: {string.Join(", ", _calendars.Keys.Order(StringComparer.Ordinal))}).");
            }
        }

        DefaultCalendar = string.IsNullOrEmpty(defaultCalendar) ? null : defaultCalendar;
    }

    public IEnumerable<WorkingDayCalendar> Calendars => _calendars.Values;

    /// <summary>The calendar of programmes that name none; null when there is no default.</summary>
    public string? DefaultCalendar { get; }

    /// <summary>The calendars shipped in the repository's <c>calendars/</c> folder (embedded in this assembly).</summary>
    public static CalendarCatalogue Embedded()
    {
        var assembly = typeof(CalendarCatalogue).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!; // listed by the assembly itself
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            });
        return FromFiles(files);
    }

    /// <summary>Loads every <c>*.json</c> of <paramref name="folder"/>; <c>programmes.json</c> is the programme map.</summary>
    /// <exception cref="InvalidDataException">A malformed file; the message names it and the JSON path.</exception>
    public static CalendarCatalogue FromFolder(string folder) =>
        FromFiles(Directory.EnumerateFiles(folder, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes));

    public bool TryGet(string name, [NotNullWhen(true)] out WorkingDayCalendar? calendar) => _calendars.TryGetValue(name, out calendar);

    /// <exception cref="KeyNotFoundException">No calendar of that name.</exception>
    public WorkingDayCalendar Get(string name) =>
        TryGet(name, out var calendar) ? calendar : throw new KeyNotFoundException($"No working-day calendar named '{name}'.");

    /// <summary>The calendar <paramref name="programme"/> names, else the default one.</summary>
    /// <exception cref="KeyNotFoundException">The programme names no calendar and there is no default.</exception>
    public WorkingDayCalendar ForProgramme(string programme) =>
        _programmes.TryGetValue(programme, out var name) ? Get(name)
        : DefaultCalendar is { } fallback ? Get(fallback)
        : throw new KeyNotFoundException($"Programme '{programme}' names no calendar in {CalendarFileReader.ProgrammesFile} and there is no default.");

    private static CalendarCatalogue FromFiles(IReadOnlyDictionary<string, byte[]> files)
    {
        var calendars = files
            .Where(f => f.Key != CalendarFileReader.ProgrammesFile)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => CalendarFileReader.ReadCalendar(f.Key, f.Value))
            .ToList();
        var (fallback, programmes) = files.TryGetValue(CalendarFileReader.ProgrammesFile, out var map)
            ? CalendarFileReader.ReadProgrammes(CalendarFileReader.ProgrammesFile, map)
            : (null, new Dictionary<string, string>());
        return new CalendarCatalogue(calendars, programmes, fallback);
    }
}
