using System.Diagnostics;
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
/// (pending, due, claim absent or expired: set ClaimedBy to this node and ClaimedUntil), then fires each claimed row in its
/// own transaction: a second conditional UPDATE marks it Fired only if this node's claim is still the one on the row,
/// the <see cref="IDeadlineTarget"/> runs, and both commit together. A node that dies mid-sweep leaves claims that expire
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

    /// <summary>Claims and fires what is due until nothing is, or until Scheduling:SweepBudget is spent.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var total = SweepResult.Empty;
        var clock = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested && clock.Elapsed < _options.SweepBudget)
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
        var claim = new Claim(node.Id, until);
        var (reminders, deadlines) = await ClaimAsync(now, claim, cancellationToken);
        if (reminders.Count + deadlines.Count == 0)
        {
            return SweepResult.Empty;
        }

        var outcomes = new List<Outcome>();
        try
        {
            outcomes.AddRange(await FireAllAsync(reminders, id => FireReminderAsync(id, claim, cancellationToken), cancellationToken));
            outcomes.AddRange(await FireAllAsync(deadlines, id => FireDeadlineAsync(id, claim, cancellationToken), cancellationToken));
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
            outcomes.Count(o => o == Outcome.DeadlineFired),
            outcomes.Count(o => o == Outcome.ReminderFired),
            outcomes.Count(o => o == Outcome.Failed),
            outcomes.Count(o => o == Outcome.Lost));
    }

    private async Task<(List<long> Reminders, List<long> Deadlines)> ClaimAsync(DateTimeOffset now, Claim claim, CancellationToken cancellationToken)
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
        var reminders = new List<long>();
        if (reminderCandidates.Count > 0)
        {
            await db.DeadlineReminders
                .Where(r => reminderCandidates.Contains(r.Id) && r.Status == DeadlineStatus.Pending && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil <= now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.ClaimedBy, claim.Node)
                    .SetProperty(r => r.ClaimedUntil, claim.Until)
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
            reminders = await db.DeadlineReminders.AsNoTracking()
                .Where(r => reminderCandidates.Contains(r.Id) && r.ClaimedBy == claim.Node && r.ClaimedUntil == claim.Until)
                .OrderBy(r => r.DueAt).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        var deadlineCandidates = await db.Deadlines.AsNoTracking()
            .Where(d => d.Status == DeadlineStatus.Pending && d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .OrderBy(d => d.DueAt).Select(d => d.Id).Take(batch).ToListAsync(cancellationToken);
        var deadlines = new List<long>();
        if (deadlineCandidates.Count > 0)
        {
            await db.Deadlines
                .Where(d => deadlineCandidates.Contains(d.Id) && d.Status == DeadlineStatus.Pending && d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.ClaimedBy, claim.Node)
                    .SetProperty(d => d.ClaimedUntil, claim.Until)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            deadlines = await db.Deadlines.AsNoTracking()
                .Where(d => deadlineCandidates.Contains(d.Id) && d.ClaimedBy == claim.Node && d.ClaimedUntil == claim.Until)
                .OrderBy(d => d.DueAt).Select(d => d.Id).ToListAsync(cancellationToken);
        }

        return (reminders, deadlines);
    }

    private async Task<IReadOnlyCollection<Outcome>> FireAllAsync(List<long> ids, Func<long, Task<Outcome>> fire, CancellationToken cancellationToken)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Outcome>();
        // One SQLite file has one writer at a time: parallel firings would only queue on its lock.
        var parallelism = database.Value.Provider == DatabaseProvider.Sqlite ? 1 : _options.Parallelism;
        try
        {
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (id, _) => outcomes.Add(await fire(id)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-batch: what fired is committed, the rest is released by the caller.
        }

        return outcomes;
    }

    private Task<Outcome> FireDeadlineAsync(long id, Claim claim, CancellationToken cancellationToken) =>
        FireAsync(claim, cancellationToken, Outcome.DeadlineFired,
            async (db, now, ct) =>
            {
                var marked = await db.Deadlines
                    .Where(d => d.Id == id && d.Status == DeadlineStatus.Pending && d.ClaimedBy == claim.Node && d.ClaimedUntil == claim.Until)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.Status, DeadlineStatus.Fired)
                        .SetProperty(d => d.FiredAt, now)
                        .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.LastError, (string?)null), ct);
                if (marked == 0)
                {
                    return null;
                }

                // A reminder after its deadline has nothing left to remind of.
                await db.DeadlineReminders.Where(r => r.DeadlineId == id && r.Status == DeadlineStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DeadlineStatus.Cancelled), ct);
                var deadline = await db.Deadlines.AsNoTracking().Include(d => d.Reminders).SingleAsync(d => d.Id == id, ct);
                return target => target.FireAsync(deadline, ct);
            },
            (db, now, error) => db.Deadlines
                .Where(d => d.Id == id && d.Status == DeadlineStatus.Pending && d.ClaimedBy == claim.Node && d.ClaimedUntil == claim.Until)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, d => d.Attempts >= _options.MaxAttempts ? DeadlineStatus.Failed : DeadlineStatus.Pending)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntil, now + _options.RetryDelay)
                    .SetProperty(d => d.LastError, error), CancellationToken.None));

    private Task<Outcome> FireReminderAsync(long id, Claim claim, CancellationToken cancellationToken) =>
        FireAsync(claim, cancellationToken, Outcome.ReminderFired,
            async (db, now, ct) =>
            {
                var marked = await db.DeadlineReminders
                    .Where(r => r.Id == id && r.Status == DeadlineStatus.Pending && r.ClaimedBy == claim.Node && r.ClaimedUntil == claim.Until)
                    .Where(r => db.Deadlines.Any(d => d.Id == r.DeadlineId && d.Status == DeadlineStatus.Pending))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, DeadlineStatus.Fired)
                        .SetProperty(r => r.FiredAt, now)
                        .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                        .SetProperty(r => r.LastError, (string?)null), ct);
                if (marked == 0)
                {
                    return null;
                }

                var reminder = await db.DeadlineReminders.AsNoTracking().SingleAsync(r => r.Id == id, ct);
                var deadline = await db.Deadlines.AsNoTracking().Include(d => d.Reminders).SingleAsync(d => d.Id == reminder.DeadlineId, ct);
                return target => target.RemindAsync(deadline, reminder, ct);
            },
            (db, now, error) => db.DeadlineReminders
                .Where(r => r.Id == id && r.Status == DeadlineStatus.Pending && r.ClaimedBy == claim.Node && r.ClaimedUntil == claim.Until)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, r => r.Attempts >= _options.MaxAttempts ? DeadlineStatus.Failed : DeadlineStatus.Pending)
                    .SetProperty(r => r.ClaimedBy, (string?)null)
                    .SetProperty(r => r.ClaimedUntil, now + _options.RetryDelay)
                    .SetProperty(r => r.LastError, error), CancellationToken.None));

    // mark: in the transaction, marks the row Fired if the claim still holds and returns the call to make, or null when the claim was lost.
    private async Task<Outcome> FireAsync(Claim claim, CancellationToken cancellationToken, Outcome success,
        Func<PlatformDbContext, DateTimeOffset, CancellationToken, Task<Func<IDeadlineTarget, Task>?>> mark,
        Func<PlatformDbContext, DateTimeOffset, string, Task<int>> recordFailure)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var target = scope.ServiceProvider.GetRequiredService<IDeadlineTarget>();
        var now = time.GetUtcNow();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var call = await mark(db, now, cancellationToken);
            if (call is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Outcome.Lost;
            }

            await call(target);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A target's failure of any kind is recorded on the row and retried; it must not stop the sweep.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Firing on {Node} failed; retried after {Delay}", claim.Node, _options.RetryDelay);
            await using var failureScope = scopes.CreateAsyncScope();
            await recordFailure(failureScope.ServiceProvider.GetRequiredService<PlatformDbContext>(), now, $"{e.GetType().Name}: {e.Message}");
            return Outcome.Failed;
        }
    }

    private async Task ReleaseAsync(Claim claim)
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

    private enum Outcome
    {
        DeadlineFired,
        ReminderFired,
        Failed,
        Lost,
    }

    private sealed record Claim(string Node, DateTimeOffset Until);
}
