using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// Opens the reporting cycles the schedules call for (one task per measure with tracked indicators of the cycle's
/// periodicity, each a dossier of <c>workflows/reporting.json</c> for the measure's carrier, its deadline on the
/// working-day calendar) and publishes a cycle once the digital agency has reviewed every report submitted in it.
/// Opening is idempotent: a cycle and each of its tasks are created once (unique indexes), and a run that stopped half-way
/// is completed by the next.
/// </summary>
public sealed class ReportingCycles(
    PlatformDbContext db,
    DossierWorkflow workflow,
    IOptions<ReportingOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    ILogger<ReportingCycles> logger)
{
    public const string WorkflowId = "reporting";

    /// <summary>The event that moves a cycle's tasks to their final state when the agency publishes it.</summary>
    public const string PublishedEvent = "cycle-published";

    /// <summary>Opens every cycle of the configured schedules whose period ended (plus the schedule's delay) by today in Brussels.</summary>
    public async Task<IReadOnlyList<ReportingCycle>> OpenDueAsync(CancellationToken cancellationToken)
    {
        var today = DeadlinePlanner.LegalDate(clock.GetUtcNow());
        var opened = new List<ReportingCycle>();
        foreach (var schedule in options.Value.Schedules)
        {
            if (!ReportingPeriod.TryParse(schedule.FirstPeriod, out var period) || period.Periodicity != schedule.Periodicity)
            {
                logger.LogError("Reporting schedule {Schedule}: FirstPeriod '{First}' is not a {Periodicity} period (2026 for yearly, 2026-Q1 for quarterly); no cycle is opened for it.",
                    schedule.Key, schedule.FirstPeriod, schedule.Periodicity);
                continue;
            }

            var done = (await db.Set<ReportingCycle>().AsNoTracking()
                .Where(c => c.Schedule == schedule.Key && c.Status != ReportingCycleStatus.Opening)
                .Select(c => c.Period).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            for (; period.End.AddDays(1 + schedule.OpenAfterDays) <= today && !cancellationToken.IsCancellationRequested; period = period.Next)
            {
                if (!done.Contains(period.ToString()))
                {
                    opened.Add(await OpenAsync(schedule.Key, period, cancellationToken));
                }
            }
        }

        return opened;
    }

    /// <summary>Opens the cycle of <paramref name="schedule"/> for <paramref name="period"/>, or completes it, or returns it as it is.</summary>
    public async Task<ReportingCycle> OpenAsync(string schedule, ReportingPeriod period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule);
        var cycle = await FindOrCreateAsync(schedule, period, cancellationToken);
        if (cycle.Status != ReportingCycleStatus.Opening)
        {
            return cycle;
        }

        var periodicity = period.Periodicity;
        var measures = await db.Set<Measure>().AsNoTracking()
            .Where(m => db.Set<Indicator>().Any(i => i.MeasureId == m.Id && i.Tracked && i.Periodicity == periodicity))
            .OrderBy(m => m.Number)
            .Select(m => new { m.Id, m.Title, m.CarrierKey })
            .ToListAsync(cancellationToken);
        var done = (await db.Set<ReportingTask>().AsNoTracking().Where(t => t.CycleId == cycle.Id).Select(t => t.MeasureId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var carriers = await db.Set<ReportingCarrier>().AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.PartyId, StringComparer.Ordinal, cancellationToken);
        var created = 0;
        foreach (var measure in measures.Where(m => !done.Contains(m.Id)))
        {
            created += await OpenTaskAsync(cycle, measure.Id, measure.Title, measure.CarrierKey, carriers[measure.CarrierKey], cancellationToken) ? 1 : 0;
        }

        // Every measure now has its task, made here or by another opener: the cycle is open (the first to say so wins).
        db.ChangeTracker.Clear();
        var row = await db.Set<ReportingCycle>().SingleAsync(c => c.Id == cycle.Id, cancellationToken);
        row.MarkOpen();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            row = await db.Set<ReportingCycle>().SingleAsync(c => c.Id == cycle.Id, cancellationToken);
        }

        logger.LogInformation("Reporting cycle {Schedule} {Period} opened: {Created} task(s) created for {Measures} measure(s).",
            schedule, row.Period, created, measures.Count);
        return row;
    }

    private async Task<ReportingCycle> FindOrCreateAsync(string schedule, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        if (await db.Set<ReportingCycle>().SingleOrDefaultAsync(c => c.Schedule == schedule && c.Period == key, cancellationToken) is { } existing)
        {
            return existing;
        }

        var cycle = new ReportingCycle(schedule, period, clock.GetUtcNow());
        db.Add(cycle);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return cycle;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e.InnerException))
        {
            // Another node opened it first: complete it with that node (the tasks are unique too).
            db.ChangeTracker.Clear();
            return await db.Set<ReportingCycle>().SingleAsync(c => c.Schedule == schedule && c.Period == key, cancellationToken);
        }
    }

    // The dossier and its task in one transaction: a task exists only with its dossier, and a second opener's task is refused whole.
    private async Task<bool> OpenTaskAsync(ReportingCycle cycle, string measureId, string title, string carrierKey, long partyId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var party = await db.Parties.Include(p => p.Contacts).Include(p => p.EstablishmentUnits).SingleAsync(p => p.Id == partyId, cancellationToken);
            var path = $"{Uri.EscapeDataString(cycle.Schedule)}/{cycle.Period}/{measureId}";
            var facts = JsonSerializer.SerializeToElement(new
            {
                measure = new { id = measureId, title },
                period = cycle.Period,
                schedule = cycle.Schedule,
                taskUrl = Url($"/Reporting/Carrier/Tasks/{path}"),
                reviewUrl = Url($"/Reporting/Agency/Tasks/{path}"),
                publicUrl = Url($"/reporting/measures/{measureId}"),
            });
            var (dossier, _) = await workflow.OpenAsync(WorkflowId, [(party, DossierRoles.Carrier)], facts, Actor.System, null, null, cancellationToken);
            db.Add(new ReportingTask(cycle.Id, measureId, carrierKey, dossier.Id, dossier.Reference));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e.InnerException))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogInformation("Reporting task {Measure} of {Schedule} {Period} was opened by another node.", measureId, cycle.Schedule, cycle.Period);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private string Url(string path) => site.Value.BaseUrl.TrimEnd('/') + path;

    /// <summary>
    /// Publishes the cycle: its validated reports are published (their values become public and enter the open data),
    /// the tasks never validated are closed as not reported, and the cycle is marked published by <paramref name="agency"/>.
    /// Refused while a report awaits the agency's review, and for a cycle already published. One transaction.
    /// </summary>
    public async Task<CyclePublication> PublishAsync(long cycleId, Actor agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var cycle = await db.Set<ReportingCycle>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No reporting cycle has the id {cycleId}.");
        if (cycle.Status != ReportingCycleStatus.Open)
        {
            return CyclePublication.Refused($"The cycle {cycle.Schedule} {cycle.Period} is {cycle.Status.ToString().ToLowerInvariant()}: only an open cycle is published.");
        }

        var tasks = await db.Set<ReportingTask>().AsNoTracking().Where(t => t.CycleId == cycleId)
            .Join(db.Dossiers, t => t.DossierId, d => d.Id, (t, d) => new { t.Id, t.Reference, d.State })
            .OrderBy(t => t.Reference).ToListAsync(cancellationToken);
        var waiting = tasks.Where(t => t.State == ReportingStates.Submitted).Select(t => t.Reference).ToList();
        if (waiting.Count > 0)
        {
            return CyclePublication.Refused($"{waiting.Count} report(s) await the agency's review: {string.Join(", ", waiting)}. Validate or return them first.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var task in tasks.Where(t => !ReportingStates.IsFinal(t.State)))
        {
            var report = await workflow.FireAsync(task.Reference, new ExternalEventReceived(PublishedEvent), agency, cancellationToken);
            if (!report.Accepted)
            {
                throw new InvalidOperationException($"{task.Reference} refused the publication of its cycle: {report.Rejection!.Message}");
            }
        }

        db.ChangeTracker.Clear();
        var validated = tasks.Where(t => t.State == ReportingStates.Validated).Select(t => t.Id).ToList();
        foreach (var value in await db.Set<IndicatorValue>().Where(v => validated.Contains(v.TaskId) && v.Status == IndicatorValueStatus.Validated).ToListAsync(cancellationToken))
        {
            value.Publish();
        }

        var row = await db.Set<ReportingCycle>().SingleAsync(c => c.Id == cycleId, cancellationToken);
        row.Publish(clock.GetUtcNow(), agency.SubjectId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Reporting cycle {Schedule} {Period} published by {Agency}: {Published} report(s) published, {Closed} closed as not reported.",
            cycle.Schedule, cycle.Period, agency.SubjectId, validated.Count, tasks.Count - validated.Count);
        return new CyclePublication(true, null, validated.Count, tasks.Count - validated.Count);
    }
}

/// <summary>What publishing a cycle did, or why it was refused.</summary>
public sealed record CyclePublication(bool Published, string? Refusal, int PublishedReports, int UnreportedTasks)
{
    public static CyclePublication Refused(string reason) => new(false, reason, 0, 0);
}

/// <summary>The states of <c>workflows/reporting.json</c> that the platform's code reads.</summary>
public static class ReportingStates
{
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Validated = "validated";
    public const string Published = "published";
    public const string Unreported = "unreported";

    public static bool IsFinal(string state) => state is Published or Unreported;

    /// <summary>The carrier has something to do.</summary>
    public static bool AwaitsCarrier(string state) => state is Open or Overdue or Returned;
}
