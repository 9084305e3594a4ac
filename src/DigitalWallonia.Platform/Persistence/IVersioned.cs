namespace DigitalWallonia.Platform.Persistence;

/// <summary>
/// An entity guarded by an application-managed version column (SQLite has no generated row version):
/// <see cref="PlatformDbContext"/> increments it on every update and EF Core checks the previous value,
/// so a writer holding a stale copy gets a <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>.
/// </summary>
public interface IVersioned
{
    /// <summary>1 when inserted; +1 on each saved update.</summary>
    long Version { get; }

    internal void IncrementVersion();
}
