using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// One cycle of a schedule (<c>yearly</c> for 2026, <c>quarterly</c> for 2026-Q1): opened once (its schedule and period
/// are unique), with one reporting task per measure that has tracked indicators of that periodicity; published by the
/// digital agency once it has reviewed what was submitted.
/// </summary>
public sealed class ReportingCycle : IVersioned
{
    private ReportingCycle()
    {
        Schedule = Period = string.Empty;
    }

    internal ReportingCycle(string schedule, ReportingPeriod period, DateTimeOffset openedAt)
    {
        Schedule = schedule;
        Periodicity = period.Periodicity;
        Period = period.ToString();
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        OpenedAt = openedAt;
        Status = ReportingCycleStatus.Opening;
    }

    public long Id { get; private set; }

    /// <summary>The configured schedule's key (Reporting:Schedules).</summary>
    public string Schedule { get; private set; }

    public ReportingPeriodicity Periodicity { get; private set; }

    /// <summary><c>2026</c>, <c>2026-Q1</c>.</summary>
    public string Period { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public ReportingCycleStatus Status { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public long Version { get; private set; } = 1;

    public ReportingPeriod ReportingPeriod => Reporting.ReportingPeriod.Parse(Period);

    internal void MarkOpen() => Status = Status == ReportingCycleStatus.Opening ? ReportingCycleStatus.Open : Status;

    internal void Publish(DateTimeOffset at, string by)
    {
        Status = ReportingCycleStatus.Published;
        PublishedAt = at;
        PublishedBy = by;
    }

    void IVersioned.IncrementVersion() => Version++;
}

public enum ReportingCycleStatus
{
    /// <summary>The cycle row exists and its tasks are being created (a run that stopped half-way is completed by the next).</summary>
    Opening,

    Open,

    Published,
}
