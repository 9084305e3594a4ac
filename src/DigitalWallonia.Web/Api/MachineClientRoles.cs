using System.Collections.Concurrent;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Api;

/// <summary>
/// The roles the app grants a machine client (StaffRoleGrants, its client id as subject), read from the app's table rather
/// than from its token, so that any token issuer will do and a role taken away stops within
/// <see cref="Freshness"/> even for a token issued before. Kept per client for that long: one query per client and
/// interval, not one per call. Thread-safe.
/// </summary>
public sealed class MachineClientRoles(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, string[] Roles)> _read = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> ForAsync(string clientId, PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (_read.TryGetValue(clientId, out var known) && now - known.ReadAt < Freshness)
        {
            return known.Roles;
        }

        var roles = await db.StaffRoleGrants.AsNoTracking().Where(g => g.Subject == clientId).Select(g => g.Role).ToArrayAsync(cancellationToken);
        _read[clientId] = (now, roles);
        return roles;
    }
}
