namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// An objective's performance indicator as the plan's table gives it: a name, a target and a horizon, sometimes a
/// baseline, all as text (the targets mix growth rates, levels, shares and words). Shown beside the objective; the
/// values come from the digital agency's barometer, not from the carriers' reporting.
/// </summary>
public sealed class PerformanceIndicator
{
    private PerformanceIndicator()
    {
        ObjectiveCode = Name = string.Empty;
    }

    internal PerformanceIndicator(string objectiveCode, int position, string name, string? baseline, string? target, string? horizon, int? line)
    {
        ObjectiveCode = objectiveCode;
        Position = position;
        Name = name;
        Baseline = baseline;
        Target = target;
        Horizon = horizon;
        Line = line;
    }

    public long Id { get; private set; }

    public string ObjectiveCode { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public string? Baseline { get; private set; }

    public string? Target { get; private set; }

    public string? Horizon { get; private set; }

    public int? Line { get; private set; }
}
