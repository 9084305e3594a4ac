using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Documents;

namespace DigitalWallonia.Platform.Certificates;

/// <summary>
/// A timestamped certificate issued to a dossier's holder (the cybersecurity label): a readable unique number, the
/// validity dates, the SHA-256 of the document as issued and the instant of issue, sealed with an HMAC so that a changed
/// row is told apart from a genuine one. Only a withdrawal changes it afterwards; a renewal is a new certificate that
/// <see cref="SupersedesId"/> this one.
/// </summary>
public sealed class Certificate
{
    private Certificate()
    {
        Number = ContentSha256 = Seal = string.Empty;
        Document = null!; // set by EF Core when loading
    }

    internal Certificate(AuditKey key, string number, long dossierId, long holderPartyId, long? professionalPartyId, Document document,
        DateOnly issuedOn, DateOnly expiresOn, DateTimeOffset issuedAt, long? supersedesId)
    {
        Number = number;
        DossierId = dossierId;
        HolderPartyId = holderPartyId;
        ProfessionalPartyId = professionalPartyId;
        Document = document;
        ContentSha256 = document.Sha256;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
        // Stored to the microsecond (UtcInstantConverter): seal what will be read back.
        IssuedAt = new DateTimeOffset(issuedAt.UtcTicks - issuedAt.UtcTicks % 10, TimeSpan.Zero);
        SupersedesId = supersedesId;
        Seal = ExpectedSeal(key);
    }

    public long Id { get; private set; }

    /// <summary>CERT-CYBER-2026-000001: programme, year of issue, sequence without gaps.</summary>
    public string Number { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>The party the certificate is issued to (the dossier's applicant).</summary>
    public long HolderPartyId { get; private set; }

    /// <summary>The accredited professional who awarded it (the dossier's expert), when there is one.</summary>
    public long? ProfessionalPartyId { get; private set; }

    public long DocumentId { get; private set; }

    /// <summary>The certificate document as issued.</summary>
    public Document Document { get; private set; }

    /// <summary>SHA-256 of the document's content at issue, 64 lower-case hex digits.</summary>
    public string ContentSha256 { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    /// <summary>The last day the certificate is valid (inclusive).</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>The timestamp: the instant the certificate was issued (UTC).</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The certificate this one renews.</summary>
    public long? SupersedesId { get; private set; }

    /// <summary>HMAC-SHA256 (audit key) over the number, dossier, holder, dates, content hash and timestamp, and the withdrawal once withdrawn.</summary>
    public string Seal { get; private set; }

    /// <summary>The day the certificate was withdrawn, when it was.</summary>
    public DateOnly? WithdrawnOn { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Withdraws the certificate and seals it again, so that clearing or moving the withdrawal breaks the seal.</summary>
    internal void Withdraw(AuditKey key, DateOnly on, DateTimeOffset at)
    {
        WithdrawnOn = on;
        WithdrawnAt = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero); // stored to the microsecond
        Seal = ExpectedSeal(key);
    }

    internal bool SealHolds(AuditKey key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ExpectedSeal(key)), Encoding.ASCII.GetBytes(Seal));

    private string ExpectedSeal(AuditKey key)
    {
        var material = string.Join('\n',
            Number,
            DossierId.ToString(CultureInfo.InvariantCulture),
            HolderPartyId.ToString(CultureInfo.InvariantCulture),
            IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ContentSha256,
            IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        if (WithdrawnOn is { } withdrawnOn)
        {
            // Only a withdrawn certificate seals these, so the seal of one never withdrawn is the seal it was issued with.
            material += string.Join('\n', "",
                withdrawnOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                WithdrawnAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture) ?? "");
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(material)));
    }
}
