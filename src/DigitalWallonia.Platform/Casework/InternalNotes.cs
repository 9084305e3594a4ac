using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// Notes staff keep on a dossier, never shown to the company. A note is an audit event (<see cref="AuditKind"/>): it is in
/// the dossier's tamper-evident trail with who wrote it and when, and its text is personal data (free text), erasable
/// like the rest.
/// </summary>
public sealed class InternalNotes(PlatformDbContext db, WorkflowDefinitions definitions, AuditTrail audit)
{
    public const string AuditKind = "internal-note";

    public const int MaxLength = 4000;

    /// <exception cref="ArgumentException">The note is empty or longer than <see cref="MaxLength"/> characters.</exception>
    public async Task AddAsync(string reference, string text, Actor actor, CancellationToken cancellationToken)
    {
        Staff.Require(actor, definitions.Roles, "write internal notes");
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            throw new ArgumentException($"A note has 1 to {MaxLength} characters.", nameof(text));
        }

        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the reference '{reference}'.");
        audit.Append(db, dossier, AuditKind, actor.SubjectId, null, [], new JsonObject { ["text"] = text.Trim(), ["actor"] = actor.DisplayName });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            throw new DossierConflictException(reference, $"{reference} changed while the note was being saved. Nothing was saved: write it again.");
        }
    }
}
