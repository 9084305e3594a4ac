using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// Fires claimed rows through the <see cref="IDeadlineTarget"/>: up to Scheduling:FiringsPerTransaction rows in one
/// transaction (a commit per firing would cost a disk flush each), each transaction marking its rows Fired with a
/// conditional UPDATE that proves the claim is still this node's. If the target throws, or a claim was lost, the whole
/// batch rolls back and its rows are fired again one per transaction, so one bad deadline never holds back the others.
/// </summary>
internal sealed class DeadlineFirings(IServiceScopeFactory scopes, TimeProvider time, SchedulingOptions options, ILogger logger)
{
    public Task<IReadOnlyList<FiringOutcome>> FireDeadlinesAsync(IReadOnlyList<Deadline> batch, SweepClaim claim, CancellationToken cancellationToken) =>
        FireAsync("Deadline", batch, d => d.Id, claim, FiringOutcome.DeadlineFired,
            async (db, ids, now, ct) =>
            {
                var marked = await db.Deadlines
                    .Where(d => ids.Contains(d.Id) && d.Status == DeadlineStatus.Pending && d.ClaimedBy == claim.Node && d.ClaimedUntil == claim.Until)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.Status, DeadlineStatus.Fired)
                        .SetProperty(d => d.FiredAt, now)
                        .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.LastError, (string?)null), ct);
                if (marked == ids.Count && batch.Any(d => ids.Contains(d.Id) && d.Reminders.Any(r => r.Status == DeadlineStatus.Pending)))
                {
                    // A reminder after its deadline has nothing left to remind of.
                    await db.DeadlineReminders.Where(r => ids.Contains(r.DeadlineId) && r.Status == DeadlineStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DeadlineStatus.Cancelled), ct);
                }

                return marked;
            },
            (target, deadline, ct) => target.FireAsync(deadline, ct),
            (db, id, now, error) => db.Deadlines
                .Where(d => d.Id == id && d.Status == DeadlineStatus.Pending && d.ClaimedBy == claim.Node && d.ClaimedUntil == claim.Until)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, d => d.Attempts >= options.MaxAttempts ? DeadlineStatus.Failed : DeadlineStatus.Pending)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntil, now + options.RetryDelay)
                    .SetProperty(d => d.LastError, error), CancellationToken.None),
            (db, id) => db.Deadlines.AnyAsync(d => d.Id == id && d.Status == DeadlineStatus.Failed),
            cancellationToken);

    public Task<IReadOnlyList<FiringOutcome>> FireRemindersAsync(IReadOnlyList<(DeadlineReminder Reminder, Deadline Deadline)> batch, SweepClaim claim,
        CancellationToken cancellationToken) =>
        FireAsync("Reminder", batch, r => r.Reminder.Id, claim, FiringOutcome.ReminderFired,
            (db, ids, now, ct) => db.DeadlineReminders
                .Where(r => ids.Contains(r.Id) && r.Status == DeadlineStatus.Pending && r.ClaimedBy == claim.Node && r.ClaimedUntil == claim.Until)
                // The deadline's own row takes part: a reminder never goes out after its deadline fired or was cancelled.
                .Where(r => db.Deadlines.Any(d => d.Id == r.DeadlineId && d.Status == DeadlineStatus.Pending))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, DeadlineStatus.Fired)
                    .SetProperty(r => r.FiredAt, now)
                    .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(r => r.LastError, (string?)null), ct),
            (target, r, ct) => target.RemindAsync(r.Deadline, r.Reminder, ct),
            (db, id, now, error) => db.DeadlineReminders
                .Where(r => r.Id == id && r.Status == DeadlineStatus.Pending && r.ClaimedBy == claim.Node && r.ClaimedUntil == claim.Until)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, r => r.Attempts >= options.MaxAttempts ? DeadlineStatus.Failed : DeadlineStatus.Pending)
                    .SetProperty(r => r.ClaimedBy, (string?)null)
                    .SetProperty(r => r.ClaimedUntil, now + options.RetryDelay)
                    .SetProperty(r => r.LastError, error), CancellationToken.None),
            (db, id) => db.DeadlineReminders.AnyAsync(r => r.Id == id && r.Status == DeadlineStatus.Failed),
            cancellationToken);

    private async Task<IReadOnlyList<FiringOutcome>> FireAsync<T>(string what, IReadOnlyList<T> batch, Func<T, long> idOf, SweepClaim claim, FiringOutcome success,
        Func<PlatformDbContext, List<long>, DateTimeOffset, CancellationToken, Task<int>> mark,
        Func<IDeadlineTarget, T, CancellationToken, Task> fire,
        Func<PlatformDbContext, long, DateTimeOffset, string, Task<int>> recordFailure,
        Func<PlatformDbContext, long, Task<bool>> gaveUp,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = batch.Select(idOf).ToList();
        Exception? failure = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var target = scope.ServiceProvider.GetRequiredService<IDeadlineTarget>();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (await mark(db, ids, now, cancellationToken) == ids.Count)
                {
                    foreach (var item in batch)
                    {
                        await fire(target, item, cancellationToken);
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return Enumerable.Repeat(success, batch.Count).ToList();
                }

                await transaction.RollbackAsync(cancellationToken);
                if (batch.Count == 1)
                {
                    return [FiringOutcome.Lost];
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A target's failure of any kind is recorded on the row and retried; it must not stop the sweep.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        }

        if (batch.Count > 1)
        {
            // Some row of the batch failed or was lost: find which by firing each alone.
            var outcomes = new List<FiringOutcome>();
            foreach (var item in batch)
            {
                outcomes.AddRange(await FireAsync(what, [item], idOf, claim, success, mark, fire, recordFailure, gaveUp, cancellationToken));
            }

            return outcomes;
        }

        logger.LogWarning(failure, "{What} {Id} failed to fire on {Node}; retried after {Delay}", what, ids[0], claim.Node, options.RetryDelay);
        await using var failureScope = scopes.CreateAsyncScope();
        var failureDb = failureScope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await recordFailure(failureDb, ids[0], now, failure is null ? "unknown failure" : $"{failure.GetType().Name}: {failure.Message}");
        if (await gaveUp(failureDb, ids[0]))
        {
            // No retry is left: someone must act (GET /health says degraded, dw deadlines list --failed lists it).
            logger.LogError(failure, "{What} {Id} failed all its {Attempts} attempts and is marked Failed; it will not be retried (dw deadlines list --failed)",
                what, ids[0], options.MaxAttempts);
        }

        return [FiringOutcome.Failed];
    }
}
