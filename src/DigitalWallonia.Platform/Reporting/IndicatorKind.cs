namespace DigitalWallonia.Platform.Reporting;

/// <summary>What a value of an indicator is; a submitted value must be of its indicator's kind.</summary>
public enum IndicatorKind
{
    /// <summary>A count or a measure (<see cref="Indicator.Unit"/> says of what).</summary>
    Number,

    /// <summary>A share or a rate in percent (12.5 is 12,5 %); may be negative (a growth rate).</summary>
    Percentage,

    /// <summary>An amount in EUR.</summary>
    Amount,

    /// <summary>Done or not (a framework adopted, a lab open).</summary>
    YesNo,

    /// <summary>A qualitative statement.</summary>
    Text,
}

/// <summary>How often an indicator is reported: which cycles ask for it.</summary>
public enum ReportingPeriodicity
{
    Quarterly,
    Yearly,
}

/// <summary>The names the data files, exports and forms use for kinds and periodicities.</summary>
public static class IndicatorKinds
{
    public static string Name(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Number => "number",
        IndicatorKind.Percentage => "percentage",
        IndicatorKind.Amount => "amount",
        IndicatorKind.YesNo => "yes-no",
        IndicatorKind.Text => "text",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? name, out IndicatorKind kind)
    {
        foreach (var candidate in Enum.GetValues<IndicatorKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Name(ReportingPeriodicity periodicity) => periodicity == ReportingPeriodicity.Quarterly ? "quarterly" : "yearly";

    public static bool TryParse(string? name, out ReportingPeriodicity periodicity)
    {
        periodicity = name == "quarterly" ? ReportingPeriodicity.Quarterly : ReportingPeriodicity.Yearly;
        return name is "quarterly" or "yearly";
    }

    /// <summary>Whether values of this kind are numbers (compared with a target, charted).</summary>
    public static bool IsNumeric(IndicatorKind kind) => kind is IndicatorKind.Number or IndicatorKind.Percentage or IndicatorKind.Amount;
}
