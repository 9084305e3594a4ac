namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// Progress computed from published values and targets, kept apart from the agency's declared assessment (the pages show
/// both side by side and never blend them). An indicator's progress is how far its latest value went from the baseline
/// (0 when the plan gives none) towards the target, bounded to 0–100 %; a yes/no indicator whose target is yes is 100 % once
/// yes. A measure's is the mean of its indicators that have one; without a target nothing is computed.
/// </summary>
public static class Progress
{
    /// <summary>0 to 100, or null when the indicator has no target, no value, or is not numeric or yes/no.</summary>
    public static decimal? OfIndicator(IndicatorKind kind, decimal? baseline, decimal? target, decimal? latestNumber, bool? latestYesNo)
    {
        if (target is not { } goal)
        {
            return null;
        }

        if (kind == IndicatorKind.YesNo)
        {
            return latestYesNo is { } done ? (done == (goal != 0) ? 100m : 0m) : null;
        }

        if (!IndicatorKinds.IsNumeric(kind) || latestNumber is not { } value)
        {
            return null;
        }

        var start = baseline ?? 0m;
        if (goal == start)
        {
            return value >= goal ? 100m : 0m;
        }

        return Math.Round(Math.Clamp((value - start) / (goal - start) * 100m, 0m, 100m), 1);
    }

    /// <summary>The mean of the progresses given, or null when there is none.</summary>
    public static decimal? Mean(IEnumerable<decimal?> progresses)
    {
        var known = progresses.OfType<decimal>().ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 1);
    }
}
