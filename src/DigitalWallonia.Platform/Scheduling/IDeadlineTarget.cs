namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// What a due deadline or reminder does: the workflow runtime in production (fires the timer, sends the reminder notice),
/// a recording target in the tests. Registered as a scoped service.
/// <para>
/// Contract: the sweeper resolves the target and <c>PlatformDbContext</c> from one DI scope, opens a transaction on that
/// context, marks the rows Fired (a conditional UPDATE that also proves this node still owns the claims), then calls the
/// target once per row, then <c>SaveChangesAsync</c> and commit. One scope and transaction may serve up to
/// Scheduling:FiringsPerTransaction calls (default 20; possibly several on one dossier, in due order). So the target must
/// write through that scoped <c>PlatformDbContext</c> (it may call <c>SaveChangesAsync</c> itself, never commit nor open
/// another transaction): the firings and their effects commit together or not at all, and a deadline fires at most once.
/// A throw rolls the whole batch back; each of its rows is then fired alone, and a row whose firing throws again is
/// retried after Scheduling:RetryDelay, until Scheduling:MaxAttempts. The objects passed are detached snapshots; the
/// rows already say Fired inside the transaction. Calls may run concurrently on different scopes (Scheduling:Parallelism).
/// </para>
/// </summary>
public interface IDeadlineTarget
{
    /// <summary>The deadline fell due: fire its timer (<see cref="Deadline.Kind"/>) on dossier <see cref="Deadline.DossierId"/>.</summary>
    Task FireAsync(Deadline deadline, CancellationToken cancellationToken);

    /// <summary>A reminder of a still pending deadline fell due: queue its notice.</summary>
    Task RemindAsync(Deadline deadline, DeadlineReminder reminder, CancellationToken cancellationToken);
}
