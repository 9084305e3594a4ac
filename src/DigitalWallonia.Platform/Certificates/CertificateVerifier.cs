using System.Globalization;
using System.Text.Json.Nodes;
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

        // The trail (tamper-evident, checked by dw audit verify) says whether it was withdrawn, whatever the row says now:
        // a withdrawal cleared together with its seal put back as issued still shows here.
        var withdrawals = await db.AuditEvents.AsNoTracking()
            .Where(e => e.DossierId == certificate.DossierId && e.Kind == CertificateIssuer.WithdrawnEvent)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Payload })
            .ToListAsync(cancellationToken);
        var recorded = withdrawals
            .Select(e => (e.Sequence, Payload: JsonNode.Parse(e.Payload)))
            .FirstOrDefault(e => e.Payload?["number"]?.GetValue<string>() == certificate.Number);
        if (recorded.Payload?["withdrawnOn"]?.GetValue<string>() is { } recordedOn
            && recordedOn != certificate.WithdrawnOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            problems.Add(certificate.WithdrawnOn is null
                ? $"the audit trail of {reference} records its withdrawal on {recordedOn} (event {recorded.Sequence}) but the record no longer says so"
                : $"the audit trail of {reference} records its withdrawal on {recordedOn} (event {recorded.Sequence}), the record says {certificate.WithdrawnOn:yyyy-MM-dd}");
        }
        else if (recorded.Payload is null && certificate.WithdrawnOn is { } unrecorded)
        {
            problems.Add($"the record says it was withdrawn on {unrecorded:yyyy-MM-dd} but the audit trail of {reference} records no withdrawal");
        }

        var today = asOf ?? DeadlinePlanner.LegalDate(clock.GetUtcNow());
        var status = problems.Count > 0 ? CertificateStatus.Altered
            : certificate.WithdrawnOn is { } withdrawn && withdrawn <= today ? CertificateStatus.Withdrawn
            : today > certificate.ExpiresOn ? CertificateStatus.Expired
            : CertificateStatus.Valid;
        return new CertificateCheck(certificate, reference, holder.Name, holder.EnterpriseNumber?.ToString(), professional, supersededBy, today, status, problems);
    }
}
