using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Documents;

/// <summary>Keeps document bytes in the database: every node sees them, and backups include them.</summary>
public sealed class DatabaseDocumentContentStore : IDocumentContentStore
{
    public Task WriteAsync(PlatformDbContext db, Document document, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.DocumentContents.Add(new DocumentContent(document, content));
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(PlatformDbContext db, Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        return await db.DocumentContents.AsNoTracking().Where(c => c.DocumentId == document.Id)
            .Select(c => c.Bytes).SingleOrDefaultAsync(cancellationToken);
    }
}
