using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Audit;

/// <summary>
/// Appends events to a dossier's hash chain. Each event's hash is HMAC-SHA256, under a key the database does not hold,
/// over the previous hash and the event's fields, of which the payload and the personal data enter only as SHA-256
/// hashes; the dossier row keeps the head so that a truncated chain is detected too.
/// </summary>
public sealed class AuditTrail(AuditKey key, TimeProvider clock)
{
    /// <summary>Adds the event to <paramref name="db"/>; it is written by the caller's next SaveChanges with the dossier.</summary>
    public AuditEvent Append(PlatformDbContext db, Dossier dossier, string kind, string actorSubject, long? actorPartyId,
        JsonObject payload, JsonObject? personalData = null)
    {
        var sequence = dossier.AuditHeadSequence + 1;
        // PostgreSQL keeps microseconds, .NET ticks are 100 ns: hash what the database will give back.
        var now = clock.GetUtcNow();
        var occurredAt = now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
        var payloadJson = CanonicalJson.Serialize(payload);
        var personalJson = personalData is null ? null : CanonicalJson.Serialize(personalData);
        var payloadHash = CanonicalJson.Sha256(payloadJson);
        var personalHash = personalJson is null ? null : CanonicalJson.Sha256(personalJson);
        var hash = ComputeHash(dossier.Reference, sequence, occurredAt, kind, actorSubject, actorPartyId, payloadHash,
            personalHash, dossier.AuditHeadHash);
        var entry = new AuditEvent(dossier, sequence, occurredAt, kind, actorSubject, actorPartyId, payloadJson, personalJson,
            payloadHash, personalHash, hash);
        db.AuditEvents.Add(entry);
        dossier.AdvanceAuditHead(sequence, hash);
        return entry;
    }

    internal string ComputeHash(string reference, long sequence, DateTimeOffset occurredAt, string kind, string actorSubject,
        long? actorPartyId, string payloadHash, string? personalDataHash, string? previousHash)
    {
        // Fields are separated by a character that none of them can contain (U+001F, unit separator).
        var material = string.Join('\u001F',
            reference,
            sequence.ToString(CultureInfo.InvariantCulture),
            occurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            kind,
            actorSubject,
            actorPartyId?.ToString(CultureInfo.InvariantCulture) ?? "",
            payloadHash,
            personalDataHash ?? "",
            previousHash ?? "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(material)));
    }
}
