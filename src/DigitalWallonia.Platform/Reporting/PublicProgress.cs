using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// What the public pages and the open data show: the plan by theme, objective and measure with the published values only
/// (cycles the agency published), each measure's computed progress beside the agency's latest declared assessment, and
/// what each carrier did in each published cycle. Read in a handful of queries and assembled in memory, then kept by
/// <see cref="PublicProgressCache"/> until a cycle is published or the catalogue changes.
/// </summary>
public sealed class PublicProgress(PlatformDbContext db, PublicProgressCache cache)
{
    public async Task<PublicReport> ReportAsync(CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(cancellationToken);
        return cache.Get(stamp) ?? cache.Put(stamp, await BuildAsync(cancellationToken));
    }

    /// <summary>
    /// What the public report depends on, as a short text that changes when it does: the published cycles and the
    /// catalogue's changes (each leaves a <see cref="PlanChange"/>, and a new measure adds to the count).
    /// </summary>
    public async Task<string> StampAsync(CancellationToken cancellationToken)
    {
        var cycles = await db.Set<ReportingCycle>().Where(c => c.Status == ReportingCycleStatus.Published)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(c => c.Id) }).FirstOrDefaultAsync(cancellationToken);
        var changes = await db.Set<PlanChange>().MaxAsync(c => (long?)c.Id, cancellationToken);
        var measures = await db.Set<Measure>().CountAsync(cancellationToken);
        return $"{cycles?.Count}/{cycles?.Last}/{changes}/{measures}";
    }

    private async Task<PublicReport> BuildAsync(CancellationToken cancellationToken)
    {
        var themes = await db.Set<PlanTheme>().AsNoTracking().OrderBy(t => t.Number).ToListAsync(cancellationToken);
        var objectives = await db.Set<PlanObjective>().AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var axes = await db.Set<PlanAxis>().AsNoTracking().ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        var performance = await db.Set<PerformanceIndicator>().AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var measures = await db.Set<Measure>().AsNoTracking().OrderBy(m => m.Number).ToListAsync(cancellationToken);
        var indicators = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.MeasureId).ThenBy(i => i.Position).ToListAsync(cancellationToken);
        var carriers = await db.Set<ReportingCarrier>().AsNoTracking()
            .Join(db.Parties, c => c.PartyId, p => p.Id, (c, p) => new { c.Key, c.ShortName, p.Name })
            .ToDictionaryAsync(c => c.Key, c => new CarrierName(c.Key, c.Name, c.ShortName), StringComparer.Ordinal, cancellationToken);
        var cycles = await db.Set<ReportingCycle>().AsNoTracking().Where(c => c.Status == ReportingCycleStatus.Published)
            .OrderBy(c => c.PeriodEnd).ThenBy(c => c.Schedule).ToListAsync(cancellationToken);
        var cycleIds = cycles.Select(c => c.Id).ToList();
        var tasks = await db.Set<ReportingTask>().AsNoTracking().Where(t => cycleIds.Contains(t.CycleId))
            .Join(db.Dossiers, t => t.DossierId, d => d.Id, (t, d) => new TaskRow(t.Id, t.CycleId, t.MeasureId, t.CarrierKey, d.State, t.Assessment, t.AssessmentNote))
            .ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var escalated = (await db.DossierHistory.AsNoTracking()
            .Where(h => h.ToState == ReportingStates.Overdue)
            .Join(db.Set<ReportingTask>().Where(t => cycleIds.Contains(t.CycleId)), h => h.DossierId, t => t.DossierId, (h, t) => t.Id)
            .Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var returned = (await db.Set<IndicatorValue>().AsNoTracking().Where(v => taskIds.Contains(v.TaskId) && v.Status == IndicatorValueStatus.Returned)
            .Select(v => v.TaskId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var values = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Status == IndicatorValueStatus.Published)
            .Select(v => new { v.TaskId, v.IndicatorId, v.Period, v.Number, v.YesNo, v.Text, v.NoValueReason, v.Source, v.Comment })
            .ToListAsync(cancellationToken);

        var cycleById = cycles.ToDictionary(c => c.Id);
        var taskById = tasks.ToDictionary(t => t.Id);
        // One value per indicator and period: the one published last (a later cycle may restate an earlier period).
        var history = values
            .Where(v => taskById.ContainsKey(v.TaskId))
            .Select(v => (v.IndicatorId, Cycle: cycleById[taskById[v.TaskId].CycleId], Value: new PublishedValue(v.Period, v.Number, v.YesNo, v.Text,
                v.NoValueReason, v.Source, v.Comment, CycleLabel(cycleById[taskById[v.TaskId].CycleId]), Scheduling.DeadlinePlanner.LegalDate(cycleById[taskById[v.TaskId].CycleId].PublishedAt!.Value))))
            .GroupBy(v => (v.IndicatorId, v.Value.Period))
            .Select(g => g.OrderByDescending(v => v.Cycle.PublishedAt).ThenByDescending(v => v.Cycle.Id).First())
            .GroupBy(v => v.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PublishedValue>)g.Select(v => v.Value).OrderBy(v => ReportingPeriod.Parse(v.Period).End).ThenBy(v => v.Period, StringComparer.Ordinal).ToList());

        var indicatorViews = indicators.Select(i =>
        {
            var past = history.GetValueOrDefault(i.Id) ?? [];
            var latest = past.LastOrDefault(v => v.Number is not null || v.YesNo is not null);
            return new IndicatorProgress(i.Key, i.MeasureId, i.Name, i.Kind, i.Unit, i.Periodicity, i.Tracked, i.Baseline, i.Target, i.Horizon, i.Note, past,
                Progress.OfIndicator(i.Kind, i.Baseline, i.Target, latest?.Number, latest?.YesNo));
        }).GroupBy(i => i.MeasureId).ToDictionary(g => g.Key, g => (IReadOnlyList<IndicatorProgress>)g.ToList(), StringComparer.Ordinal);

        var latestAssessment = tasks.Where(t => t.Assessment is not null)
            .GroupBy(t => t.MeasureId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => cycleById[t.CycleId].PeriodEnd).ThenByDescending(t => cycleById[t.CycleId].PublishedAt).First(), StringComparer.Ordinal);

        var measureViews = measures.Select(m =>
        {
            var own = indicatorViews.GetValueOrDefault(m.Id) ?? [];
            var axis = axes[m.AxisCode];
            var assessed = latestAssessment.GetValueOrDefault(m.Id);
            var assessments = tasks.Where(t => t.MeasureId == m.Id && t.Assessment is not null)
                .OrderBy(t => cycleById[t.CycleId].PeriodEnd)
                .Select(t => new DeclaredAssessment(CycleLabel(cycleById[t.CycleId]), t.Assessment!, t.AssessmentNote)).ToList();
            return new MeasureProgress(m.Id, m.Number, m.Title, m.Summary, axis.Code, axis.Name, axis.ObjectiveCode, carriers[m.CarrierKey], m.CarrierAsWritten,
                m.Participants, m.LaunchYear, m.FullRegimeYear, m.Page, m.FirstLine, m.IndicatorsStatus, own,
                Progress.Mean(own.Select(i => i.Progress)),
                assessed is null ? null : new DeclaredAssessment(CycleLabel(cycleById[assessed.CycleId]), assessed.Assessment!, assessed.AssessmentNote),
                assessments);
        }).ToList();

        var objectiveViews = objectives.Select(o =>
        {
            var own = measureViews.Where(m => m.ObjectiveCode == o.Code).ToList();
            return new ObjectiveProgress(o.Code, o.ThemeNumber, o.Name, performance.Where(p => p.ObjectiveCode == o.Code)
                .Select(p => new PerformanceTarget(p.Name, p.Baseline, p.Target, p.Horizon)).ToList(), own, Progress.Mean(own.Select(m => m.ComputedProgress)));
        }).ToList();

        var themeViews = themes.Select(t =>
        {
            var own = objectiveViews.Where(o => o.ThemeNumber == t.Number).ToList();
            return new ThemeProgress(t.Number, t.Name, own, Progress.Mean(own.SelectMany(o => o.Measures).Select(m => m.ComputedProgress)));
        }).ToList();

        var accountability = carriers.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CarrierRecord(c,
            measures.Count(m => m.CarrierKey == c.Key),
            cycles.Select(cycle =>
            {
                var own = tasks.Where(t => t.CycleId == cycle.Id && t.CarrierKey == c.Key).ToList();
                return new CarrierCycle(CycleLabel(cycle), own.Count, own.Count(t => t.State == ReportingStates.Published),
                    own.Count(t => t.State == ReportingStates.Published && !escalated.Contains(t.Id)), own.Count(t => escalated.Contains(t.Id)),
                    own.Count(t => returned.Contains(t.Id)), own.Count(t => t.State == ReportingStates.Unreported));
            }).Where(r => r.Tasks > 0).ToList())).Where(c => c.Measures > 0).ToList();

        return new PublicReport(themeViews, cycles.Select(c => new PublishedCycle(c.Schedule, c.Period, CycleLabel(c), c.PublishedAt!.Value)).ToList(), accountability);
    }

    private static string CycleLabel(ReportingCycle cycle) => cycle.Period;

    private sealed record TaskRow(long Id, long CycleId, string MeasureId, string CarrierKey, string State, string? Assessment, string? AssessmentNote);
}

/// <summary>The published picture of the plan.</summary>
public sealed record PublicReport(IReadOnlyList<ThemeProgress> Themes, IReadOnlyList<PublishedCycle> Cycles, IReadOnlyList<CarrierRecord> Carriers)
{
    public IEnumerable<MeasureProgress> Measures => Themes.SelectMany(t => t.Objectives).SelectMany(o => o.Measures);

    public MeasureProgress? Measure(string id) => Measures.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed record PublishedCycle(string Schedule, string Period, string Label, DateTimeOffset PublishedAt);

public sealed record ThemeProgress(int Number, string Name, IReadOnlyList<ObjectiveProgress> Objectives, decimal? ComputedProgress)
{
    public int MeasureCount => Objectives.Sum(o => o.Measures.Count);

    public int AssessedCount => Objectives.Sum(o => o.Measures.Count(m => m.Assessment is not null));
}

public sealed record ObjectiveProgress(string Code, int ThemeNumber, string Name, IReadOnlyList<PerformanceTarget> PerformanceIndicators,
    IReadOnlyList<MeasureProgress> Measures, decimal? ComputedProgress);

public sealed record PerformanceTarget(string Name, string? Baseline, string? Target, string? Horizon);

public sealed record CarrierName(string Key, string Name, string ShortName);

public sealed record MeasureProgress(string Id, int Number, string Title, string? Summary, string AxisCode, string AxisName, string ObjectiveCode,
    CarrierName Carrier, string CarrierAsWritten, string? Participants, int? LaunchYear, int? FullRegimeYear, int? Page, int? FirstLine, string? IndicatorsStatus,
    IReadOnlyList<IndicatorProgress> Indicators, decimal? ComputedProgress, DeclaredAssessment? Assessment, IReadOnlyList<DeclaredAssessment> Assessments);

public sealed record IndicatorProgress(string Key, string MeasureId, string Name, IndicatorKind Kind, string? Unit, ReportingPeriodicity Periodicity, bool Tracked,
    decimal? Baseline, decimal? Target, int? Horizon, string? Note, IReadOnlyList<PublishedValue> History, decimal? Progress);

public sealed record PublishedValue(string Period, decimal? Number, bool? YesNo, string? Text, string? NoValueReason, string? Source, string? Comment,
    string Cycle, DateOnly PublishedOn);

/// <summary>The agency's assessment of a measure when it validated the report of a cycle (<see cref="Assessments"/>).</summary>
public sealed record DeclaredAssessment(string Cycle, string Assessment, string? Note);

/// <summary>What a carrier did in the published cycles.</summary>
public sealed record CarrierRecord(CarrierName Carrier, int Measures, IReadOnlyList<CarrierCycle> Cycles);

/// <summary>A carrier's tasks of one cycle: published, on time (published without escalation), escalated, returned at least once, not reported.</summary>
public sealed record CarrierCycle(string Cycle, int Tasks, int Published, int OnTime, int Escalated, int Returned, int Unreported);

/// <summary>The public report of the last publication, kept by every node until the next one (or a catalogue change).</summary>
public sealed class PublicProgressCache
{
    // One reference, swapped whole: readers on other threads see the old entry or the new one, never half of each.
    private volatile Entry? _current;

    public PublicReport? Get(string stamp) => _current is { } current && current.Stamp == stamp ? current.Report : null;

    public PublicReport Put(string stamp, PublicReport report)
    {
        _current = new Entry(stamp, report);
        return report;
    }

    private sealed record Entry(string Stamp, PublicReport Report);
}
