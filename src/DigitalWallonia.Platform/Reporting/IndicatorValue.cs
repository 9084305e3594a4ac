namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// A carrier's answer for one indicator in one submission of a task: a value of the indicator's kind with its period,
/// source and comment, or the reason why none can be given. Each submission adds rows (the earlier ones stay as they
/// were, returned with the agency's reason), so the history of a report is its rows by <see cref="Submission"/>.
/// </summary>
public sealed class IndicatorValue
{
    private IndicatorValue()
    {
        Period = SubmittedBy = string.Empty;
    }

    internal IndicatorValue(long taskId, long indicatorId, int submission, ReportingPeriod period, SubmittedValue value, string submittedBy, DateTimeOffset submittedAt)
    {
        TaskId = taskId;
        IndicatorId = indicatorId;
        Submission = submission;
        Period = period.ToString();
        Number = value.Number;
        YesNo = value.YesNo;
        Text = Clean(value.Text);
        NoValueReason = Clean(value.NoValueReason);
        Source = Clean(value.Source);
        Comment = Clean(value.Comment);
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        Status = IndicatorValueStatus.Submitted;
    }

    public long Id { get; private set; }

    public long TaskId { get; private set; }

    public long IndicatorId { get; private set; }

    /// <summary>1 for the first submission of the task, 2 for the corrected one...</summary>
    public int Submission { get; private set; }

    /// <summary>The period the value is for (<c>2026</c>, <c>2026-Q1</c>): the cycle's unless the carrier said otherwise.</summary>
    public string Period { get; private set; }

    /// <summary>Numbers, percentages, amounts.</summary>
    public decimal? Number { get; private set; }

    public bool? YesNo { get; private set; }

    public string? Text { get; private set; }

    /// <summary>Why no value can be given; set instead of a value.</summary>
    public string? NoValueReason { get; private set; }

    public string? Source { get; private set; }

    public string? Comment { get; private set; }

    public IndicatorValueStatus Status { get; private set; }

    /// <summary>Why the agency returned it, shown to the carrier next to the value.</summary>
    public string? ReturnReason { get; private set; }

    public string SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public bool HasValue => Number is not null || YesNo is not null || Text is not null;

    internal void Return(string? reason, string by, DateTimeOffset at)
    {
        Status = IndicatorValueStatus.Returned;
        ReturnReason = reason;
        ReviewedBy = by;
        ReviewedAt = at;
    }

    internal void Validate(string by, DateTimeOffset at)
    {
        Status = IndicatorValueStatus.Validated;
        ReviewedBy = by;
        ReviewedAt = at;
    }

    internal void Publish() => Status = IndicatorValueStatus.Published;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public enum IndicatorValueStatus
{
    Submitted,

    /// <summary>Sent back with the whole submission; the carrier's next submission replaces it.</summary>
    Returned,

    Validated,

    /// <summary>Validated and published with its cycle: what the public pages and the open data show.</summary>
    Published,
}

/// <summary>What a carrier gives for one indicator: exactly one of the value fields of the indicator's kind, or a reason for none.</summary>
public sealed record SubmittedValue(string Indicator)
{
    /// <summary>Defaults to the cycle's period.</summary>
    public string? Period { get; init; }

    public decimal? Number { get; init; }

    public bool? YesNo { get; init; }

    public string? Text { get; init; }

    public string? NoValueReason { get; init; }

    public string? Source { get; init; }

    public string? Comment { get; init; }
}
