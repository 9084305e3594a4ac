using System.Text;
using DigitalWallonia.Platform.Content;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Rules;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.RuleSets;

/// <summary>
/// The published rule-set files in the database, the source every node evaluates with: rules/ seeds an empty database,
/// <see cref="RefreshAsync"/> reloads the process's <see cref="RuleLibrary"/> when the publication counter has moved
/// (<see cref="RuleSetRefresher"/> calls it every second), and <see cref="ExportAsync"/> writes the files back as they
/// were published. One per process.
/// </summary>
public sealed class RuleSetCatalogue(RuleLibrary library, ContentFolder content, TimeProvider clock)
{
    /// <summary>Who seeded, drafted and published the versions that came from rules/.</summary>
    public const string ContentAuthor = "content";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Publishes every file of rules/ when the database holds none yet (first start); otherwise does nothing.</summary>
    public async Task<int> SeedAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<PublishedRuleSet>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = 0;
        foreach (var file in content.RuleFiles)
        {
            var path = Path.GetRelativePath(content.Rules, file).Replace('\\', '/');
            db.Add(Published(path, await File.ReadAllTextAsync(file, cancellationToken), ContentAuthor, null, ContentAuthor, now));
            count++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await CountPublicationAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Nodes starting together on an empty database seed the same files: one wins, the others find its rows.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return 0;
        }

        return count;
    }

    /// <summary>Reloads the published versions when a publication happened since the last load; true when it reloaded.</summary>
    public async Task<bool> RefreshAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var publications = await PublicationsAsync(db, cancellationToken);
        if (publications == library.Publication)
        {
            return false;
        }

        var sources = await db.Set<PublishedRuleSet>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Path, p.Source }).ToListAsync(cancellationToken);
        library.Load(sources.Select(s => new RuleLibrary.RuleSource(s.Path, s.Source)), publications);
        return true;
    }

    /// <summary>Writes every published file under <paramref name="folder"/> at its path, with its exact published text.</summary>
    public static async Task<int> ExportAsync(PlatformDbContext db, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = await db.Set<PublishedRuleSet>().AsNoTracking().OrderBy(p => p.Path).ToListAsync(cancellationToken);
        foreach (var file in published)
        {
            var target = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, file.Source, Utf8, cancellationToken);
        }

        return published.Count;
    }

    /// <summary>The counter publications increment; nodes compare it with what they loaded.</summary>
    public static Task<long> PublicationsAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        db.Set<RuleSetPublicationCounter>().AsNoTracking().Where(c => c.Id == RuleSetPublicationCounter.SingleId)
            .Select(c => c.Publications).SingleAsync(cancellationToken);

    internal static Task CountPublicationAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        db.Set<RuleSetPublicationCounter>().Where(c => c.Id == RuleSetPublicationCounter.SingleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Publications, c => c.Publications + 1), cancellationToken);

    internal static PublishedRuleSet Published(string path, string source, string draftedBy, string? approvedBy, string publishedBy, DateTimeOffset at)
    {
        var first = RuleSetLoader.LoadText(source, path).RuleSets.FirstOrDefault();
        return new PublishedRuleSet(path, ProgrammeOf(path), first?.Name ?? Path.GetFileNameWithoutExtension(path), first?.Version ?? 0,
            first?.ValidFrom, first?.Supersedes, first?.LegalBasis?.Text, source, CanonicalJson.Sha256(source), draftedBy, approvedBy, at, publishedBy);
    }

    /// <summary>The folder under rules/ (rentic for rentic/rentic-amount.json).</summary>
    public static string ProgrammeOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? path[..slash] : "";
    }
}
