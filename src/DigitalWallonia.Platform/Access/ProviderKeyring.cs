using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Access;

/// <summary>The local identity provider's stored keys: one per purpose, created by whichever node asks first.</summary>
public static class ProviderKeyring
{
    /// <summary>
    /// The stored key for <paramref name="purpose"/>; when there is none, stores the one <paramref name="generate"/> makes.
    /// Nodes starting together on an empty database may both generate one: the unique index keeps the first, and the
    /// others read it, so every node ends up with the same key.
    /// </summary>
    public static async Task<string> GetOrCreateAsync(PlatformDbContext db, string purpose, Func<string> generate, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(generate);
        if (await ReadAsync(db, purpose, cancellationToken) is { } stored)
        {
            return stored;
        }

        var key = new ProviderKey(purpose, generate(), now);
        db.ProviderKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key.Material;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e.InnerException))
        {
            db.ChangeTracker.Clear();
            return await ReadAsync(db, purpose, cancellationToken)
                ?? throw new InvalidOperationException($"The provider's {purpose} key was refused as a duplicate, yet none is stored.", e);
        }
    }

    private static Task<string?> ReadAsync(PlatformDbContext db, string purpose, CancellationToken cancellationToken) =>
        db.ProviderKeys.AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Material).SingleOrDefaultAsync(cancellationToken);
}
