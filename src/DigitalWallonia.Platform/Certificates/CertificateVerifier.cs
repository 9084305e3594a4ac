using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Certificates;

/// <summary>
/// Checks a certificate by its number, as of a day (today in Brussels by default): the stored document still hashes to the SHA-256 taken
/// at issue, the record still carries its seal, and it is neither withdrawn nor past its last day.
/// </summary>
public sealed class CertificateVerifier(DocumentArchive archive, AuditKey key, TimeProvider clock)
{
    /// <summary>
    /// The check of the certificate numbered <paramref name="number"/> as of <paramref name="asOf"/> (today in Brussels
    /// when null), or null when there is none.
    /// </summary>
    public async Task<CertificateCheck?> VerifyAsync(PlatformDbContext db, string number, DateOnly? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (certificate is null)
        {
            return null;
        }

        var holder = await db.Parties.AsNoTracking().SingleAsync(p => p.Id == certificate.HolderPartyId, cancellationToken);
        var professional = certificate.ProfessionalPartyId is { } professionalId
            ? await db.Parties.AsNoTracking().Where(p => p.Id == professionalId).Select(p => p.Name).SingleAsync(cancellationToken)
            : null;
        var reference = await db.Dossiers.AsNoTracking().Where(d => d.Id == certificate.DossierId).Select(d => d.Reference).SingleAsync(cancellationToken);
        var supersededBy = await db.Certificates.AsNoTracking().Where(c => c.SupersedesId == certificate.Id).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);

        var problems = new List<string>();
        if (!certificate.SealHolds(key))
        {
            problems.Add("the certificate record was changed after issue (its seal does not match)");
        }

        try
        {
            var stored = await archive.ReadAsync(db, certificate.DocumentId, cancellationToken);
            if (stored is null)
            {
                problems.Add($"the certificate document {certificate.DocumentId} is missing");
            }
            else if (!stored.Value.Document.Sha256.Equals(certificate.ContentSha256, StringComparison.Ordinal))
            {
                problems.Add($"the certificate document's SHA-256 {stored.Value.Document.Sha256} is not the one issued ({certificate.ContentSha256})");
            }
        }
        catch (DocumentIntegrityException e)
        {
            problems.Add(e.Message);
        }

        var today = asOf ?? DeadlinePlanner.LegalDate(clock.GetUtcNow());
        var status = problems.Count > 0 ? CertificateStatus.Altered
            : certificate.WithdrawnOn is { } withdrawn && withdrawn <= today ? CertificateStatus.Withdrawn
            : today > certificate.ExpiresOn ? CertificateStatus.Expired
            : CertificateStatus.Valid;
        return new CertificateCheck(certificate, reference, holder.Name, holder.EnterpriseNumber?.ToString(), professional, supersededBy, today, status, problems);
    }
}
