using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// A party's or a case handler's file attached to a dossier: stored through the <see cref="DocumentArchive"/> (hash and
/// size computed there) with a <c>document-uploaded</c> audit event, in one commit. What a file may be (size, type) is the
/// caller's to check first; an action whose input names the document then checks it against its own declaration.
/// </summary>
public sealed class DocumentUploads(PlatformDbContext db, DocumentArchive archive, AuditTrail audit)
{
    public const string Uploaded = "document-uploaded";

    /// <exception cref="KeyNotFoundException">No dossier has this id.</exception>
    /// <exception cref="DossierConflictException">The dossier changed while the document was being saved; nothing was saved.</exception>
    public async Task<Document> AttachAsync(long dossierId, string fileName, string mediaType, byte[] content, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the id {dossierId}.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var document = await archive.AddAsync(db, new NewDocument(dossierId, DocumentKinds.Upload, null, mediaType, fileName, actor.SubjectId), content, cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // the document's id goes into the audit event
            // The file's name may be a person's: it sits in the erasable column, its hash in the chain.
            audit.Append(db, dossier, Uploaded, actor.SubjectId,
                long.TryParse(actor.PartyId, NumberStyles.None, CultureInfo.InvariantCulture, out var party) ? party : null,
                new JsonObject { ["document"] = document.Id, ["mediaType"] = mediaType, ["size"] = document.Size, ["sha256"] = document.Sha256 },
                new JsonObject { ["fileName"] = fileName, ["actor"] = actor.DisplayName });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return document;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsLostRace(e.InnerException))
        {
            throw new DossierConflictException(dossier.Reference,
                $"{dossier.Reference} was changed by someone else while '{fileName}' was being attached. Nothing was saved: try again.");
        }
    }
}
