using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// What one carrier owes for one measure in one cycle. The task's life (deadline, reminders, escalation, return,
/// validation, publication) is a dossier of <c>workflows/reporting.json</c>; the values are <see cref="IndicatorValue"/> rows.
/// </summary>
public sealed class ReportingTask : IVersioned
{
    private ReportingTask()
    {
        MeasureId = CarrierKey = Reference = string.Empty;
    }

    internal ReportingTask(long cycleId, string measureId, string carrierKey, long dossierId, string reference)
    {
        CycleId = cycleId;
        MeasureId = measureId;
        CarrierKey = carrierKey;
        DossierId = dossierId;
        Reference = reference;
    }

    public long Id { get; private set; }

    public long CycleId { get; private set; }

    public string MeasureId { get; private set; }

    public string CarrierKey { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>The dossier's reference (<c>REPORTING-2026-000012</c>).</summary>
    public string Reference { get; private set; }

    /// <summary>How many times the carrier submitted (1 after the first submission, 2 after a correction...).</summary>
    public int Submissions { get; private set; }

    /// <summary>The agency's declared assessment when it validated (<see cref="Assessments"/>).</summary>
    public string? Assessment { get; private set; }

    public string? AssessmentNote { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ValidatedAt { get; private set; }

    public long Version { get; private set; } = 1;

    internal int NextSubmission(DateTimeOffset at)
    {
        SubmittedAt ??= at;
        return ++Submissions;
    }

    internal void Validate(string assessment, string? note, DateTimeOffset at)
    {
        Assessment = assessment;
        AssessmentNote = note;
        ValidatedAt = at;
    }

    void IVersioned.IncrementVersion() => Version++;
}

/// <summary>The assessments the agency may declare of a measure when it validates a report, as the public pages show them.</summary>
public static class Assessments
{
    public const string OnTrack = "on-track";
    public const string Delayed = "delayed";
    public const string AtRisk = "at-risk";
    public const string Achieved = "achieved";
    public const string NotStarted = "not-started";

    public static readonly IReadOnlyList<string> All = [OnTrack, Delayed, AtRisk, Achieved, NotStarted];
}
