using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Web.Identity;

/// <summary>
/// The local provider's lockout: wrong PINs are counted per person in the database, with single-statement updates, so that
/// nodes behind a load balancer add to the same count and refuse the same person; a success clears the count.
/// </summary>
public sealed class SignInLockouts(PlatformDbContext db, TimeProvider clock, IOptions<LocalProviderOptions> options)
{
    private LockoutOptions Settings => options.Value.Lockout;

    private TimeSpan Period => TimeSpan.FromMinutes(Settings.Minutes);

    /// <summary>The end of the person's lockout, or null when they may try.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = await db.SignInLockouts.AsNoTracking().Where(l => l.Subject == subject).Select(l => l.LockedUntil).SingleOrDefaultAsync(cancellationToken);
        return until > now ? until : null;
    }

    /// <summary>Counts a wrong PIN; returns the failures counted so far and the end of the lockout it caused, if it did.</summary>
    public async Task<(int Failures, DateTimeOffset? LockedUntil)> FailedAsync(string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var forgotten = now - Period;
        await EnsureRowAsync(subject, cancellationToken);
        var lockouts = db.SignInLockouts.Where(l => l.Subject == subject);
        // A lockout that has ended, or failures long past, start a new count.
        await lockouts.Where(l => (l.LockedUntil != null && l.LockedUntil <= now) || (l.LockedUntil == null && l.LastFailureAt < forgotten))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, 0).SetProperty(l => l.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        await lockouts.ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, l => l.Failures + 1).SetProperty(l => l.LastFailureAt, now), cancellationToken);
        var lockedUntil = now + Period;
        await lockouts.Where(l => l.LockedUntil == null && l.Failures >= Settings.MaxFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, lockedUntil), cancellationToken);
        var state = await lockouts.AsNoTracking().Select(l => new { l.Failures, l.LockedUntil }).SingleAsync(cancellationToken);
        return (state.Failures, state.LockedUntil);
    }

    /// <summary>The person signed in (not locked out, or no longer): their count starts again.</summary>
    public Task SucceededAsync(string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.SignInLockouts.Where(l => l.Subject == subject && (l.LockedUntil == null || l.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, 0).SetProperty(l => l.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Failures left before a lockout.</summary>
    public int Remaining(int failures) => Math.Max(0, Settings.MaxFailures - failures);

    private async Task EnsureRowAsync(string subject, CancellationToken cancellationToken)
    {
        if (await db.SignInLockouts.AnyAsync(l => l.Subject == subject, cancellationToken))
        {
            return;
        }

        var row = new SignInLockout(subject);
        db.SignInLockouts.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node counted this person's first failure at the same moment: its row is the one to update.
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
