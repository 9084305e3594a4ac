using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// An operational indicator of a measure (<c>M13.2</c>): its kind, unit and periodicity, whether it is tracked (the plan
/// says only the relevant and measurable ones will be), and a baseline, target and horizon where they are known.
/// </summary>
public sealed class Indicator : IVersioned
{
    private Indicator()
    {
        Key = MeasureId = Name = string.Empty;
    }

    internal Indicator(string key, string measureId, int position, string name, IndicatorKind kind, ReportingPeriodicity periodicity)
    {
        Key = key;
        MeasureId = measureId;
        Position = position;
        Name = name;
        Kind = kind;
        Periodicity = periodicity;
        Tracked = true;
    }

    public long Id { get; private set; }

    /// <summary>The measure's id, a dot and a number (<c>M13.2</c>): stable, used by the open data.</summary>
    public string Key { get; private set; }

    public string MeasureId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public IndicatorKind Kind { get; private set; }

    /// <summary>What a number counts (<c>entreprises</c>), <c>%</c>, <c>EUR</c>; none for yes/no and text.</summary>
    public string? Unit { get; private set; }

    public ReportingPeriodicity Periodicity { get; private set; }

    /// <summary>Asked for in the cycles; an indicator not tracked is shown, never asked for.</summary>
    public bool Tracked { get; private set; }

    /// <summary>Numbers, percentages and amounts; for yes/no, 1 means yes.</summary>
    public decimal? Baseline { get; private set; }

    public decimal? Target { get; private set; }

    /// <summary>The year the target is for.</summary>
    public int? Horizon { get; private set; }

    /// <summary>Where the target comes from, why it is not tracked.</summary>
    public string? Note { get; private set; }

    public long Version { get; private set; } = 1;

    internal void Edit(string name, IndicatorKind kind, string? unit, ReportingPeriodicity periodicity, bool tracked,
        decimal? baseline, decimal? target, int? horizon, string? note)
    {
        Name = name;
        Kind = kind;
        Unit = unit;
        Periodicity = periodicity;
        Tracked = tracked;
        Baseline = baseline;
        Target = target;
        Horizon = horizon;
        Note = note;
    }

    void IVersioned.IncrementVersion() => Version++;
}
