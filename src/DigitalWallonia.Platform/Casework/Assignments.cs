using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// Who works on a dossier: a case handler claims it, a colleague assigns or reassigns it (with a reason), the holder
/// releases it. Each change is an audit event (<c>assignment</c>) saved with the row, under the dossier's version: of two
/// people claiming the same dossier at once, one gets <see cref="DossierConflictException"/>.
/// </summary>
public sealed class Assignments(PlatformDbContext db, WorkflowDefinitions definitions, AuditTrail audit, TimeProvider clock)
{
    public const string AuditKind = "assignment";

    /// <summary>The actor takes the dossier; refused when someone else holds it (they reassign it instead).</summary>
    public Task ClaimAsync(string reference, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(reference, actor, (actor.SubjectId, actor.DisplayName), reason: null, claim: true, cancellationToken);

    /// <summary>Gives the dossier to <paramref name="holder"/>; a reason is required when someone else held it.</summary>
    public Task AssignAsync(string reference, (string Subject, string Name) holder, string? reason, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(reference, actor, holder, reason, claim: false, cancellationToken);

    /// <summary>Nobody holds the dossier any more.</summary>
    public Task ReleaseAsync(string reference, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(reference, actor, holder: null, reason: null, claim: false, cancellationToken);

    private async Task ChangeAsync(string reference, Actor actor, (string Subject, string Name)? holder, string? reason, bool claim, CancellationToken cancellationToken)
    {
        Staff.Require(actor, definitions.Roles, "hold dossiers");
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the reference '{reference}'.");
        var current = await db.DossierAssignments.SingleOrDefaultAsync(a => a.DossierId == dossier.Id, cancellationToken);
        if (claim && current is not null && current.HolderSubject != actor.SubjectId)
        {
            throw new InvalidOperationException($"{reference} is held by {current.HolderName} since {current.Since:yyyy-MM-dd HH:mm} UTC: ask them, or reassign it with a reason.");
        }

        if (current is not null && holder is { } next && next.Subject != current.HolderSubject && current.HolderSubject != actor.SubjectId
            && string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException($"{reference} is held by {current.HolderName}: reassigning it needs a reason.");
        }

        if (current?.HolderSubject == holder?.Subject)
        {
            return; // nothing changes
        }

        var now = clock.GetUtcNow();
        if (current is not null)
        {
            db.DossierAssignments.Remove(current);
        }

        if (holder is { } to)
        {
            db.DossierAssignments.Add(new DossierAssignment(dossier.Id, to.Subject, to.Name, actor.SubjectId, now));
        }

        var change = holder is null ? "released" : claim ? "claimed" : current is null ? "assigned" : "reassigned";
        audit.Append(db, dossier, AuditKind, actor.SubjectId, null,
            new JsonObject { ["change"] = change, ["from"] = current?.HolderSubject, ["to"] = holder?.Subject },
            new JsonObject { ["fromName"] = current?.HolderName, ["toName"] = holder?.Name, ["reason"] = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ["actor"] = actor.DisplayName });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            throw new DossierConflictException(reference, $"{reference} changed while it was being {change}. Nothing was saved: reload the dossier and try again.");
        }
    }
}
