using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// Fires due deadlines and reminders, at most once each, from any number of nodes.
/// <para>
/// A sweep claims a batch of due rows as of the injected <see cref="TimeProvider"/> with one conditional UPDATE
/// (pending, due, claim absent or expired: set ClaimedBy to this node and ClaimedUntil), then fires the claimed rows in
/// transactions of Scheduling:FiringsPerTransaction (<see cref="DeadlineFirings"/>): a second conditional UPDATE marks
/// them Fired only if this node's claim is still the one on each row, the <see cref="IDeadlineTarget"/> runs, and both
/// commit together. A node that dies mid-sweep leaves claims that expire
/// and are taken again; a node whose claim was taken over can no longer mark the row, so its firing rolls back. Reminders
/// of a deadline go before it in each batch, and firing a deadline cancels its reminders still pending.
/// </para>
/// Thread-safe; one sweep at a time per node is expected (the Quartz job is non-concurrent).
/// </summary>
public sealed class DeadlineSweeper(
    IServiceScopeFactory scopes,
    TimeProvider time,
    SchedulerNode node,
    IOptions<SchedulingOptions> options,
    IOptions<DatabaseOptions> database,
    ILogger<DeadlineSweeper> logger)
{
    private readonly SchedulingOptions _options = options.Value;
    private readonly DeadlineFirings _firings = new(scopes, time, options.Value, logger);

    /// <summary>Claims and fires what is due until nothing is, or until Scheduling:SweepBudget is spent.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var total = SweepResult.Empty;
        var started = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested && time.GetElapsedTime(started) < _options.SweepBudget)
        {
            var batch = await SweepBatchAsync(cancellationToken);
            total = total.Add(batch);
            if (batch.Total + batch.Failures + batch.ClaimsLost == 0)
            {
                break;
            }
        }

        if (total.Total + total.Failures > 0)
        {
            logger.LogInformation("Sweep on {Node}: {Deadlines} deadline(s) and {Reminders} reminder(s) fired, {Failures} failure(s), {Lost} claim(s) lost",
                node.Id, total.DeadlinesFired, total.RemindersFired, total.Failures, total.ClaimsLost);
        }

        return total;
    }

    /// <summary>One claim of reminders and deadlines due now, and their firings.</summary>
    public async Task<SweepResult> SweepBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + _options.ClaimTimeout;
        var claim = new SweepClaim(node.Id, until);
        var (reminders, deadlines) = await ClaimAsync(now, claim, cancellationToken);
        if (reminders.Count + deadlines.Count == 0)
        {
            return SweepResult.Empty;
        }

        var outcomes = new List<FiringOutcome>();
        try
        {
            outcomes.AddRange(await FireAllAsync(reminders, batch => _firings.FireRemindersAsync(batch, claim, cancellationToken), cancellationToken));
            outcomes.AddRange(await FireAllAsync(deadlines, batch => _firings.FireDeadlinesAsync(batch, claim, cancellationToken), cancellationToken));
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Stopping: hand back what was not fired, so that another node (or this one restarted) takes it at once.
                await ReleaseAsync(claim);
            }
        }

        return new SweepResult(
            outcomes.Count(o => o == FiringOutcome.DeadlineFired),
            outcomes.Count(o => o == FiringOutcome.ReminderFired),
            outcomes.Count(o => o == FiringOutcome.Failed),
            outcomes.Count(o => o == FiringOutcome.Lost));
    }

    private async Task<(List<(DeadlineReminder Reminder, Deadline Deadline)> Reminders, List<Deadline> Deadlines)> ClaimAsync(DateTimeOffset now, SweepClaim claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var batch = _options.BatchSize;

        // Candidates first, then a conditional UPDATE on them: on PostgreSQL the UPDATE re-checks its WHERE on rows another
        // node changed meanwhile, so two nodes never both claim a row (an UPDATE ... WHERE Id IN (subquery) would not).
        var reminderCandidates = await db.DeadlineReminders.AsNoTracking()
            .Where(r => r.Status == DeadlineStatus.Pending && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil <= now))
            .Where(r => db.Deadlines.Any(d => d.Id == r.DeadlineId && d.Status == DeadlineStatus.Pending))
            .OrderBy(r => r.DueAt).Select(r => r.Id).Take(batch).ToListAsync(cancellationToken);
        var reminders = new List<(DeadlineReminder, Deadline)>();
        if (reminderCandidates.Count > 0)
        {
            await db.DeadlineReminders
                .Where(r => reminderCandidates.Contains(r.Id) && r.Status == DeadlineStatus.Pending && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil <= now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.ClaimedBy, claim.Node)
                    .SetProperty(r => r.ClaimedUntil, claim.Until)
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
            var claimed = await db.DeadlineReminders.AsNoTracking()
                .Where(r => reminderCandidates.Contains(r.Id) && r.ClaimedBy == claim.Node && r.ClaimedUntil == claim.Until)
                .OrderBy(r => r.DueAt).ToListAsync(cancellationToken);
            var parentIds = claimed.Select(r => r.DeadlineId).Distinct().ToList();
            var parents = await db.Deadlines.AsNoTracking().Include(d => d.Reminders).Where(d => parentIds.Contains(d.Id))
                .AsSplitQuery().ToDictionaryAsync(d => d.Id, cancellationToken);
            reminders = claimed.Select(r => (r, parents[r.DeadlineId])).ToList();
        }

        var deadlineCandidates = await db.Deadlines.AsNoTracking()
            .Where(d => d.Status == DeadlineStatus.Pending && d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .OrderBy(d => d.DueAt).Select(d => d.Id).Take(batch).ToListAsync(cancellationToken);
        var deadlines = new List<Deadline>();
        if (deadlineCandidates.Count > 0)
        {
            await db.Deadlines
                .Where(d => deadlineCandidates.Contains(d.Id) && d.Status == DeadlineStatus.Pending && d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.ClaimedBy, claim.Node)
                    .SetProperty(d => d.ClaimedUntil, claim.Until)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            // Snapshots for the target, read once per batch; each firing re-checks the claim before it counts.
            deadlines = await db.Deadlines.AsNoTracking().Include(d => d.Reminders)
                .Where(d => deadlineCandidates.Contains(d.Id) && d.ClaimedBy == claim.Node && d.ClaimedUntil == claim.Until)
                .OrderBy(d => d.DueAt).AsSplitQuery().ToListAsync(cancellationToken);
        }

        return (reminders, deadlines);
    }

    // Batches of FiringsPerTransaction, several batches at once (Parallelism), each on its own connection.
    private async Task<IReadOnlyCollection<FiringOutcome>> FireAllAsync<T>(List<T> items, Func<IReadOnlyList<T>, Task<IReadOnlyList<FiringOutcome>>> fire,
        CancellationToken cancellationToken)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<FiringOutcome>();
        // One SQLite file has one writer at a time: parallel firings would only queue on its lock.
        var parallelism = database.Value.Provider == DatabaseProvider.Sqlite ? 1 : _options.Parallelism;
        try
        {
            await Parallel.ForEachAsync(items.Chunk(_options.FiringsPerTransaction),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (batch, _) =>
                {
                    foreach (var outcome in await fire(batch))
                    {
                        outcomes.Add(outcome);
                    }
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-batch: what fired is committed, the rest is released by the caller.
        }

        return outcomes;
    }

    private async Task ReleaseAsync(SweepClaim claim)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.DeadlineReminders.Where(r => r.Status == DeadlineStatus.Pending && r.ClaimedBy == claim.Node && r.ClaimedUntil == claim.Until)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(r => r.Attempts, r => r.Attempts - 1), CancellationToken.None);
        await db.Deadlines.Where(d => d.Status == DeadlineStatus.Pending && d.ClaimedBy == claim.Node && d.ClaimedUntil == claim.Until)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.Attempts, d => d.Attempts - 1), CancellationToken.None);
    }
}
