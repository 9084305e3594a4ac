using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>What carriers and the agency see of the cycles and their tasks: work lists, and a task with its history.</summary>
public sealed class ReportingWork(PlatformDbContext db, ReportingTasks tasks)
{
    /// <summary>The tasks of these carriers, newest cycle first; those awaiting the carrier first within a cycle.</summary>
    public async Task<IReadOnlyList<TaskSummary>> TasksOfCarriersAsync(IReadOnlyCollection<string> carrierKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(carrierKeys);
        return await SummariesAsync(db.Set<ReportingTask>().Where(t => carrierKeys.Contains(t.CarrierKey)), cancellationToken);
    }

    public async Task<IReadOnlyList<TaskSummary>> TasksOfCycleAsync(long cycleId, CancellationToken cancellationToken) =>
        await SummariesAsync(db.Set<ReportingTask>().Where(t => t.CycleId == cycleId), cancellationToken);

    /// <summary>Every cycle with how many of its tasks are in each state.</summary>
    public async Task<IReadOnlyList<CycleSummary>> CyclesAsync(CancellationToken cancellationToken)
    {
        var cycles = await db.Set<ReportingCycle>().AsNoTracking().OrderByDescending(c => c.PeriodEnd).ThenBy(c => c.Schedule).ToListAsync(cancellationToken);
        var states = await db.Set<ReportingTask>().AsNoTracking()
            .Join(db.Dossiers, t => t.DossierId, d => d.Id, (t, d) => new { t.CycleId, d.State })
            .GroupBy(x => new { x.CycleId, x.State })
            .Select(g => new { g.Key.CycleId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return cycles.Select(c => new CycleSummary(c.Id, c.Schedule, c.Period, c.Status, c.OpenedAt, c.PublishedAt,
            states.Where(s => s.CycleId == c.Id).ToDictionary(s => s.State, s => s.Count, StringComparer.Ordinal))).ToList();
    }

    /// <summary>A task by its cycle and measure, with what it asks, its deadline and every submission's values.</summary>
    public async Task<TaskDetail?> TaskAsync(string schedule, string period, string measureId, CancellationToken cancellationToken)
    {
        var task = await db.Set<ReportingTask>().AsNoTracking()
            .Join(db.Set<ReportingCycle>().Where(c => c.Schedule == schedule && c.Period == period), t => t.CycleId, c => c.Id, (t, c) => t)
            .SingleOrDefaultAsync(t => t.MeasureId == measureId, cancellationToken);
        return task is null ? null : await DetailAsync(task, cancellationToken);
    }

    public async Task<TaskDetail?> TaskByReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        var task = await db.Set<ReportingTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Reference == reference, cancellationToken);
        return task is null ? null : await DetailAsync(task, cancellationToken);
    }

    private async Task<TaskDetail> DetailAsync(ReportingTask task, CancellationToken cancellationToken)
    {
        var cycle = await db.Set<ReportingCycle>().AsNoTracking().SingleAsync(c => c.Id == task.CycleId, cancellationToken);
        var measure = await db.Set<Measure>().AsNoTracking().SingleAsync(m => m.Id == task.MeasureId, cancellationToken);
        var carrier = await db.Set<ReportingCarrier>().AsNoTracking().Where(c => c.Key == task.CarrierKey)
            .Join(db.Parties, c => c.PartyId, p => p.Id, (c, p) => new CarrierName(c.Key, p.Name, c.ShortName)).SingleAsync(cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == task.DossierId).Select(d => new { d.State }).SingleAsync(cancellationToken);
        var due = await db.Deadlines.AsNoTracking().Where(d => d.DossierId == task.DossierId && d.Status == DeadlineStatus.Pending)
            .OrderBy(d => d.DueAt).Select(d => (DateTimeOffset?)d.DueAt).FirstOrDefaultAsync(cancellationToken);
        var asked = await tasks.AskedAsync(task, cancellationToken);
        var indicatorIds = asked.Select(i => i.Id).ToList();
        var rows = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.TaskId == task.Id).OrderBy(v => v.Submission).ToListAsync(cancellationToken);
        var keys = await db.Set<Indicator>().AsNoTracking().Where(i => i.MeasureId == task.MeasureId).ToDictionaryAsync(i => i.Id, i => i.Key, cancellationToken);
        var history = rows.GroupBy(r => r.Submission).OrderBy(g => g.Key)
            .Select(g => new Submission(g.Key, g.First().SubmittedAt, g.First().SubmittedBy,
                g.Select(v => new SubmittedRow(keys[v.IndicatorId], v)).ToList())).ToList();
        return new TaskDetail(task, cycle, measure, carrier, dossier.State, due, asked, history);
    }

    private async Task<IReadOnlyList<TaskSummary>> SummariesAsync(IQueryable<ReportingTask> which, CancellationToken cancellationToken)
    {
        var rows = await which.AsNoTracking()
            .Join(db.Set<ReportingCycle>(), t => t.CycleId, c => c.Id, (t, c) => new { Task = t, c.Schedule, c.Period, c.PeriodEnd })
            .Join(db.Dossiers, x => x.Task.DossierId, d => d.Id, (x, d) => new { x.Task, x.Schedule, x.Period, x.PeriodEnd, d.State })
            .Join(db.Set<Measure>(), x => x.Task.MeasureId, m => m.Id, (x, m) => new { x.Task, x.Schedule, x.Period, x.PeriodEnd, x.State, m.Number, m.Title })
            .ToListAsync(cancellationToken);
        var dossiers = rows.Select(r => r.Task.DossierId).ToList();
        var due = (await db.Deadlines.AsNoTracking().Where(d => dossiers.Contains(d.DossierId) && d.Status == DeadlineStatus.Pending)
                .Select(d => new { d.DossierId, d.DueAt }).ToListAsync(cancellationToken))
            .GroupBy(d => d.DossierId).ToDictionary(g => g.Key, g => g.Min(d => d.DueAt));
        return rows
            .OrderByDescending(r => r.PeriodEnd).ThenBy(r => r.Schedule, StringComparer.Ordinal)
            .ThenBy(r => ReportingStates.AwaitsCarrier(r.State) ? 0 : 1).ThenBy(r => r.Number)
            .Select(r => new TaskSummary(r.Task.Reference, r.Schedule, r.Period, r.Task.MeasureId, r.Title, r.Task.CarrierKey, r.State,
                due.TryGetValue(r.Task.DossierId, out var at) ? at : null, r.Task.Submissions, r.Task.Assessment))
            .ToList();
    }
}

public sealed record TaskSummary(string Reference, string Schedule, string Period, string MeasureId, string MeasureTitle, string CarrierKey, string State,
    DateTimeOffset? DueAt, int Submissions, string? Assessment);

public sealed record CycleSummary(long Id, string Schedule, string Period, ReportingCycleStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, int> TasksByState)
{
    public int Tasks => TasksByState.Values.Sum();

    public int InState(string state) => TasksByState.GetValueOrDefault(state);
}

/// <summary>A task with what it asks for and every submission so far (the last is the current one).</summary>
public sealed record TaskDetail(ReportingTask Task, ReportingCycle Cycle, Measure Measure, CarrierName Carrier, string State, DateTimeOffset? DueAt,
    IReadOnlyList<Indicator> Asked, IReadOnlyList<Submission> Submissions)
{
    public Submission? Current => Submissions.Count == 0 ? null : Submissions[^1];

    /// <summary>The current value of an indicator, if submitted.</summary>
    public IndicatorValue? CurrentValue(string indicatorKey) => Current?.Rows.FirstOrDefault(r => r.IndicatorKey == indicatorKey)?.Value;
}

public sealed record Submission(int Number, DateTimeOffset At, string By, IReadOnlyList<SubmittedRow> Rows);

public sealed record SubmittedRow(string IndicatorKey, IndicatorValue Value);
