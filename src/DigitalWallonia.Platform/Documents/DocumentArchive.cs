using System.Security.Cryptography;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// Adds documents (hash and size computed here) and reads them back verified. Adding does not save: the document
/// commits with the caller's transaction, beside the state change and audit event that caused it. Thread-safe.
/// </summary>
public sealed class DocumentArchive(IDocumentContentStore store, TimeProvider clock)
{
    public async Task<Document> AddAsync(PlatformDbContext db, NewDocument draft, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(content);
        if (draft.SupersedesId is { } previous
            && !await db.Documents.AnyAsync(d => d.Id == previous && d.DossierId == draft.DossierId, cancellationToken))
        {
            throw new ArgumentException($"document {previous} does not exist in dossier {draft.DossierId}; a document supersedes one of its own dossier", nameof(draft));
        }

        var document = new Document(draft.DossierId, draft.Kind, draft.Language, draft.MediaType, draft.FileName, content.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(content)), draft.CreatedBy, clock.GetUtcNow(), draft.SupersedesId);
        db.Documents.Add(document);
        await store.WriteAsync(db, document, content, cancellationToken);
        return document;
    }

    /// <summary>A document and its content, or null when no document has this id.</summary>
    /// <exception cref="DocumentIntegrityException">The content is missing or does not match its hash.</exception>
    public async Task<(Document Document, byte[] Content)?> ReadAsync(PlatformDbContext db, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var content = await store.ReadAsync(db, document, cancellationToken)
            ?? throw new DocumentIntegrityException($"the content of document {id} is missing");
        if (!Convert.ToHexStringLower(SHA256.HashData(content)).Equals(document.Sha256, StringComparison.Ordinal))
        {
            throw new DocumentIntegrityException($"the content of document {id} does not match its SHA-256 {document.Sha256}");
        }

        return (document, content);
    }
}
