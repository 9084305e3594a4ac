using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Audit;

/// <summary>
/// Re-computes every dossier's chain and reports each event that was modified, inserted or removed; checks the chain of
/// checkpoints and that every head it sealed is still there (a trail cut short with its head reset, a dossier deleted
/// with its events); and checks that the dossier's state, decisions and instalments are the ones its trail records.
/// </summary>
public sealed class AuditVerifier(AuditTrail trail, AuditCheckpoints checkpoints)
{
    /// <summary>Checks one dossier (by reference) or, when null, all of them. An empty list means the trail is intact.</summary>
    public async Task<IReadOnlyList<AuditFinding>> VerifyAsync(PlatformDbContext db, string? reference, CancellationToken cancellationToken) =>
        (await VerifyWithChainAsync(db, reference, cancellationToken)).Findings;

    /// <summary>As <see cref="VerifyAsync"/>, with the checkpoint chain it was checked against.</summary>
    public async Task<(IReadOnlyList<AuditFinding> Findings, AuditCheckpoints.Chain Chain)> VerifyWithChainAsync(PlatformDbContext db, string? reference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chain = await checkpoints.ReadAsync(db, cancellationToken);
        var findings = new List<AuditFinding>(chain.Findings);
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => reference == null || d.Reference == reference)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Reference, d.State, d.AuditHeadSequence, d.AuditHeadHash })
            .ToListAsync(cancellationToken);
        var present = dossiers.Select(d => d.Id).ToHashSet();
        foreach (var gone in chain.Anchors.Values.Where(a => !present.Contains(a.DossierId) && (reference is null || a.Reference == reference)))
        {
            findings.Add(new AuditFinding(gone.Reference, gone.Sequence,
                $"The dossier is gone: checkpoint {gone.Checkpoint} sealed its trail at event {gone.Sequence}, so it was deleted with its events."));
        }

        if (reference is not null && dossiers.Count == 0 && findings.Count == 0)
        {
            return ([new AuditFinding(reference, 0, "No dossier has this reference.")], chain);
        }

        var ids = dossiers.Select(d => d.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => reference == null || ids.Contains(d.DossierId)).OrderBy(d => d.Id).ToListAsync(cancellationToken))
            .ToLookup(d => d.DossierId);
        var instalments = (await db.Instalments.AsNoTracking().Where(i => reference == null || ids.Contains(i.DossierId)).OrderBy(i => i.Id).ToListAsync(cancellationToken))
            .ToLookup(i => i.DossierId);
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

            if (chain.Anchors.TryGetValue(dossier.Id, out var anchor)
                && !events.Any(e => e.Sequence == anchor.Sequence && e.Hash == anchor.Hash))
            {
                findings.Add(new AuditFinding(dossier.Reference, anchor.Sequence, lastSequence < anchor.Sequence
                    ? $"The trail ends at event {lastSequence} but checkpoint {anchor.Checkpoint} sealed event {anchor.Sequence}: events were removed and the head reset."
                    : $"Event {anchor.Sequence} is not the one checkpoint {anchor.Checkpoint} sealed: the trail was rewritten."));
            }

            CheckRecords(dossier.Reference, dossier.State, events, decisions[dossier.Id].ToList(), instalments[dossier.Id].ToList(), findings);
        }

        return (findings, chain);
    }

    // The dossier row, its decisions and its instalments say what the trail says.
    private static void CheckRecords(string reference, string state, IReadOnlyList<AuditEvent> events, IReadOnlyList<Grants.Decision> decisions,
        IReadOnlyList<Grants.Instalment> instalments, List<AuditFinding> findings)
    {
        if (events.LastOrDefault(e => AuditedRecords.StateChanges.Contains(e.Kind)) is { } last
            && AuditedRecords.StateAfter(last.Kind, last.Payload) is { } recorded && recorded != state)
        {
            findings.Add(new AuditFinding(reference, last.Sequence,
                $"The dossier is in state '{state}' but its trail leaves it in '{recorded}': the state was changed outside the workflow."));
        }

        var decisionEvents = events.Where(e => e.Kind == AuditedRecords.DecisionRecorded).ToList();
        for (var i = 0; i < Math.Max(decisions.Count, decisionEvents.Count); i++)
        {
            if (i >= decisionEvents.Count)
            {
                findings.Add(new AuditFinding(reference, 0, $"Decision {decisions[i].Id} ({decisions[i].Kind}) has no event in the trail: it was added outside the workflow."));
            }
            else if (i >= decisions.Count)
            {
                findings.Add(new AuditFinding(reference, decisionEvents[i].Sequence, "The decision this event records is gone from the decisions."));
            }
            else if (AuditedRecords.Canonical(AuditedRecords.Decision(decisions[i])) != decisionEvents[i].Payload)
            {
                findings.Add(new AuditFinding(reference, decisionEvents[i].Sequence,
                    $"Decision {decisions[i].Id} ({decisions[i].Kind}) is not the one the trail records: it was changed."));
            }
        }

        var scheduled = events.Where(e => e.Kind == AuditedRecords.InstalmentScheduled).ToList();
        for (var i = 0; i < Math.Max(instalments.Count, scheduled.Count); i++)
        {
            if (i >= scheduled.Count)
            {
                findings.Add(new AuditFinding(reference, 0, $"Instalment '{instalments[i].Name}' has no event in the trail: it was added outside the workflow."));
            }
            else if (i >= instalments.Count)
            {
                findings.Add(new AuditFinding(reference, scheduled[i].Sequence, "The instalment this event schedules is gone from the instalments."));
            }
            else if (AuditedRecords.Canonical(AuditedRecords.Instalment(instalments[i])) != scheduled[i].Payload)
            {
                findings.Add(new AuditFinding(reference, scheduled[i].Sequence, $"Instalment '{instalments[i].Name}' is not the one the trail schedules: it was changed."));
            }
        }

        var paidInTrail = events.Where(e => e.Kind == AuditedRecords.InstalmentPaid).Select(e => e.Payload).ToList();
        foreach (var instalment in instalments)
        {
            var payload = AuditedRecords.Canonical(AuditedRecords.Instalment(instalment));
            var recordedPaid = paidInTrail.Remove(payload);
            if (instalment.Status == "paid" && !recordedPaid)
            {
                findings.Add(new AuditFinding(reference, 0, $"Instalment '{instalment.Name}' is marked paid but the trail records no payment of it."));
            }
            else if (instalment.Status != "paid" && recordedPaid)
            {
                findings.Add(new AuditFinding(reference, 0, $"Instalment '{instalment.Name}' is '{instalment.Status}' but the trail records its payment."));
            }
        }
    }
}
