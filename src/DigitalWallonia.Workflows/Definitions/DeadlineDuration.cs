namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// A deadline's length, kept as written: the workflow engine does not know calendars. The platform's scheduler turns it into
/// a UTC instant with the programme's working-day calendar (or reads the parameter as of the firing date).
/// </summary>
public sealed record DeadlineDuration
{
    private DeadlineDuration(DurationKind kind, string? iso, int days, string? parameter)
    {
        Kind = kind;
        Iso = iso;
        Days = days;
        Parameter = parameter;
    }

    public DurationKind Kind { get; }

    /// <summary>The ISO-8601 text when <see cref="Kind"/> is <see cref="DurationKind.Iso"/>.</summary>
    public string? Iso { get; }

    /// <summary>The number of days when <see cref="Kind"/> is calendar or working days.</summary>
    public int Days { get; }

    /// <summary>The parameter name when <see cref="Kind"/> is <see cref="DurationKind.Parameter"/>.</summary>
    public string? Parameter { get; }

    public static DeadlineDuration FromIso(string iso) => new(DurationKind.Iso, iso, 0, null);

    public static DeadlineDuration CalendarDays(int days) => new(DurationKind.CalendarDays, null, days, null);

    public static DeadlineDuration WorkingDays(int days) => new(DurationKind.WorkingDays, null, days, null);

    public static DeadlineDuration FromParameter(string name) => new(DurationKind.Parameter, null, 0, name);

    public override string ToString() => Kind switch
    {
        DurationKind.Iso => Iso ?? string.Empty,
        DurationKind.CalendarDays => $"{Days} calendar days",
        DurationKind.WorkingDays => $"{Days} working days",
        _ => $"parameter {Parameter}",
    };
}
