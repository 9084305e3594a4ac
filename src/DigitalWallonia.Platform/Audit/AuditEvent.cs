using DigitalWallonia.Platform.Dossiers;

namespace DigitalWallonia.Platform.Audit;

/// <summary>
/// One entry of a dossier's tamper-evident trail. <see cref="Hash"/> chains it to the previous entry; personal data sits
/// in <see cref="PersonalData"/>, covered only through <see cref="PersonalDataHash"/>, so it can be erased (GDPR) without
/// breaking verification.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Kind = ActorSubject = Payload = PayloadHash = Hash = "";
    }

    internal AuditEvent(Dossier dossier, long sequence, DateTimeOffset occurredAt, string kind, string actorSubject,
        long? actorPartyId, string payload, string? personalData, string payloadHash, string? personalDataHash, string hash)
    {
        Dossier = dossier;
        Sequence = sequence;
        OccurredAt = occurredAt;
        Kind = kind;
        ActorSubject = actorSubject;
        ActorPartyId = actorPartyId;
        Payload = payload;
        PersonalData = personalData;
        PayloadHash = payloadHash;
        PersonalDataHash = personalDataHash;
        Hash = hash;
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>Set when the event is appended, so that a new dossier and its first event are saved together.</summary>
    internal Dossier? Dossier { get; private set; }

    /// <summary>1, 2, 3... per dossier, without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>What happened: submitted, transition, decision, document-issued...</summary>
    public string Kind { get; private set; }

    /// <summary>Opaque subject id of the actor (from the identity provider), or "system".</summary>
    public string ActorSubject { get; private set; }

    /// <summary>The party the actor acted for, if any.</summary>
    public long? ActorPartyId { get; private set; }

    /// <summary>Canonical JSON without personal data.</summary>
    public string Payload { get; private set; }

    /// <summary>Canonical JSON of names, e-mails and free text; null once erased.</summary>
    public string? PersonalData { get; private set; }

    public string PayloadHash { get; private set; }

    public string? PersonalDataHash { get; private set; }

    /// <summary>HMAC-SHA256 over the previous hash and this entry's fields (see <see cref="AuditTrail"/>).</summary>
    public string Hash { get; private set; }

    /// <summary>Erases the personal data; the chain still verifies through <see cref="PersonalDataHash"/>.</summary>
    public void ErasePersonalData() => PersonalData = null;
}
