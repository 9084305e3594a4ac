using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Audit;

/// <summary>
/// Takes and reads the chain of <see cref="AuditCheckpoint"/>s. A dossier row carries its own audit head, so whoever can
/// write the database can cut a trail short and reset the head with it; a checkpoint holds the heads somewhere else,
/// under the audit key, chained across all dossiers. What stays open is the time between two checkpoints (taken by the
/// recurring job every <see cref="AuditOptions.CheckpointInterval"/> and at each clean <c>dw audit verify</c>) and the
/// removal of the newest checkpoints themselves, which is why verification prints the newest one's MAC for keeping
/// outside the database.
/// </summary>
public sealed class AuditCheckpoints(AuditKey key, TimeProvider clock)
{
    /// <summary>What the checkpoint chain holds for one dossier: its head as last sealed.</summary>
    public sealed record Anchor(long DossierId, string Reference, long Sequence, string Hash, long Checkpoint);

    /// <summary>The verified chain: the newest anchor of every dossier ever sealed, the newest checkpoint and the breaks found.</summary>
    public sealed record Chain(IReadOnlyDictionary<long, Anchor> Anchors, AuditCheckpoint? Latest, IReadOnlyList<AuditFinding> Findings);

    /// <summary>
    /// Seals the heads that moved forward since the last checkpoint. A head that went backwards, or whose trail no longer
    /// holds the event last sealed, is left out (its anchor stays, and verification reports it): sealing it would hide
    /// the rewind. Returns null when nothing moved, or when another node took the same checkpoint first.
    /// </summary>
    public async Task<AuditCheckpoint?> TakeAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chain = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        var anchors = Fold(chain);
        var heads = await db.Dossiers.AsNoTracking()
            .Where(d => d.AuditHeadSequence > 0)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Reference, d.AuditHeadSequence, d.AuditHeadHash })
            .ToListAsync(cancellationToken);
        var moved = heads.Where(h => !anchors.TryGetValue(h.Id, out var anchor) || h.AuditHeadSequence > anchor.Sequence).ToList();
        var stillSealed = await StillSealedAsync(db, moved.Where(h => anchors.ContainsKey(h.Id)).Select(h => anchors[h.Id]).ToList(), cancellationToken);
        var sealing = moved.Where(h => !anchors.ContainsKey(h.Id) || stillSealed.Contains(h.Id)).ToList();
        if (sealing.Count == 0)
        {
            return null;
        }

        var sealedHeads = new JsonArray([.. sealing.Select(h => (JsonNode)new JsonArray(h.Id, h.Reference, h.AuditHeadSequence, h.AuditHeadHash))]);
        var headsJson = CanonicalJson.Serialize(sealedHeads);
        var sequence = chain.Count == 0 ? 1 : chain[^1].Sequence + 1;
        var previousMac = chain.Count == 0 ? null : chain[^1].Mac;
        var now = clock.GetUtcNow();
        var takenAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero); // stored to the microsecond
        var checkpoint = new AuditCheckpoint(sequence, takenAt, headsJson, previousMac, Mac(sequence, takenAt, headsJson, previousMac));
        db.AuditCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(checkpoint).State = EntityState.Detached;
            if (await db.AuditCheckpoints.AsNoTracking().AnyAsync(c => c.Sequence == sequence, cancellationToken))
            {
                return null; // another node sealed this step; the next run seals what is still left
            }

            throw;
        }

        return checkpoint;
    }

    /// <summary>Reads the whole chain, checking every MAC and link, and folds it into the newest anchor per dossier.</summary>
    public async Task<Chain> ReadAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chain = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        var findings = new List<AuditFinding>();
        long expected = 1;
        string? previousMac = null;
        foreach (var checkpoint in chain)
        {
            if (checkpoint.Sequence != expected)
            {
                findings.Add(new AuditFinding("checkpoint", expected, checkpoint.Sequence > expected
                    ? $"Checkpoints {expected} to {checkpoint.Sequence - 1} are missing."
                    : $"Checkpoint {checkpoint.Sequence} is duplicated or inserted."));
            }

            if (!Same(Mac(checkpoint.Sequence, checkpoint.TakenAt, checkpoint.HeadsJson, checkpoint.PreviousMac), checkpoint.Mac))
            {
                findings.Add(new AuditFinding("checkpoint", checkpoint.Sequence, "The checkpoint does not match its MAC: it was modified or forged."));
            }
            else if (checkpoint.PreviousMac != previousMac)
            {
                findings.Add(new AuditFinding("checkpoint", checkpoint.Sequence,
                    "The checkpoint does not follow the one before it: an earlier checkpoint was removed or replaced."));
            }

            previousMac = checkpoint.Mac;
            expected = checkpoint.Sequence + 1;
        }

        return new Chain(Fold(chain), chain.Count == 0 ? null : chain[^1], findings);
    }

    private static Dictionary<long, Anchor> Fold(IEnumerable<AuditCheckpoint> chain)
    {
        var anchors = new Dictionary<long, Anchor>();
        foreach (var checkpoint in chain)
        {
            foreach (var head in JsonNode.Parse(checkpoint.HeadsJson)?.AsArray() ?? [])
            {
                var fields = head!.AsArray();
                var dossierId = fields[0]!.GetValue<long>();
                anchors[dossierId] = new Anchor(dossierId, fields[1]!.GetValue<string>(), fields[2]!.GetValue<long>(), fields[3]!.GetValue<string>(),
                    checkpoint.Sequence);
            }
        }

        return anchors;
    }

    // The dossiers whose anchored event is still in the trail with the hash that was sealed.
    private static async Task<HashSet<long>> StillSealedAsync(PlatformDbContext db, IReadOnlyList<Anchor> anchors, CancellationToken cancellationToken)
    {
        var result = new HashSet<long>();
        foreach (var batch in anchors.Chunk(500))
        {
            var ids = batch.Select(a => a.DossierId).ToList();
            var sequences = batch.Select(a => a.Sequence).Distinct().ToList();
            var found = await db.AuditEvents.AsNoTracking()
                .Where(e => ids.Contains(e.DossierId) && sequences.Contains(e.Sequence))
                .Select(e => new { e.DossierId, e.Sequence, e.Hash })
                .ToListAsync(cancellationToken);
            var present = found.Select(e => (e.DossierId, e.Sequence, e.Hash)).ToHashSet();
            result.UnionWith(batch.Where(a => present.Contains((a.DossierId, a.Sequence, a.Hash))).Select(a => a.DossierId));
        }

        return result;
    }

    private string Mac(long sequence, DateTimeOffset takenAt, string headsJson, string? previousMac)
    {
        var material = string.Join('\u001F',
            sequence.ToString(CultureInfo.InvariantCulture),
            takenAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            CanonicalJson.Sha256(headsJson),
            previousMac ?? "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(material)));
    }

    private static bool Same(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
