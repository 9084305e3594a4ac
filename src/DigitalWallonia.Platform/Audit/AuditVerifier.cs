using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Audit;

/// <summary>Re-computes every dossier's chain and reports each event that was modified, inserted or removed.</summary>
public sealed class AuditVerifier(AuditTrail trail)
{
    /// <summary>Checks one dossier (by reference) or, when null, all of them. An empty list means the trail is intact.</summary>
    public async Task<IReadOnlyList<AuditFinding>> VerifyAsync(PlatformDbContext db, string? reference, CancellationToken cancellationToken)
    {
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => reference == null || d.Reference == reference)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Reference, d.AuditHeadSequence, d.AuditHeadHash })
            .ToListAsync(cancellationToken);
        if (reference is not null && dossiers.Count == 0)
        {
            return [new AuditFinding(reference, 0, "No dossier has this reference.")];
        }

        var findings = new List<AuditFinding>();
        foreach (var dossier in dossiers)
        {
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.DossierId == dossier.Id)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            string? previousHash = null;
            long expected = 1;
            foreach (var e in events)
            {
                if (e.Sequence != expected)
                {
                    findings.Add(new AuditFinding(dossier.Reference, expected,
                        e.Sequence > expected ? $"Events {expected} to {e.Sequence - 1} are missing." : $"Event {e.Sequence} is duplicated or inserted."));
                }

                if (CanonicalJson.Sha256(e.Payload) != e.PayloadHash)
                {
                    findings.Add(new AuditFinding(dossier.Reference, e.Sequence, "The payload was modified."));
                }

                if (e.PersonalData is not null && CanonicalJson.Sha256(e.PersonalData) != e.PersonalDataHash)
                {
                    findings.Add(new AuditFinding(dossier.Reference, e.Sequence, "The personal data was modified."));
                }

                var hash = trail.ComputeHash(dossier.Reference, e.Sequence, e.OccurredAt, e.Kind, e.ActorSubject, e.ActorPartyId,
                    e.PayloadHash, e.PersonalDataHash, previousHash);
                if (hash != e.Hash)
                {
                    findings.Add(new AuditFinding(dossier.Reference, e.Sequence,
                        "The event does not match its hash: it was modified, inserted, or an earlier event was removed."));
                }

                previousHash = e.Hash;
                expected = e.Sequence + 1;
            }

            var lastSequence = events.Count == 0 ? 0 : events[^1].Sequence;
            if (lastSequence != dossier.AuditHeadSequence || previousHash != dossier.AuditHeadHash)
            {
                findings.Add(new AuditFinding(dossier.Reference, dossier.AuditHeadSequence,
                    $"The trail ends at event {lastSequence} but the dossier records {dossier.AuditHeadSequence} events: the last event(s) were removed or replaced."));
            }
        }

        return findings;
    }
}
