using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// Where document bytes live. The default, <see cref="DatabaseDocumentContentStore"/>, keeps them in the
/// <c>DocumentContents</c> table, in the same transaction as the document row; an object store would be another
/// implementation. Content is written once and never changed.
/// </summary>
public interface IDocumentContentStore
{
    /// <summary>Stores the bytes of a document being added to <paramref name="db"/>; saved with the caller's SaveChanges.</summary>
    Task WriteAsync(PlatformDbContext db, Document document, byte[] content, CancellationToken cancellationToken);

    /// <summary>The bytes of a stored document, or null when they are missing.</summary>
    Task<byte[]?> ReadAsync(PlatformDbContext db, Document document, CancellationToken cancellationToken);
}
