using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Certificates;

/// <summary>
/// Issues and withdraws certificates for the workflow action <c>issueDocument</c>: document <c>certificate</c> issues a
/// numbered, timestamped certificate to the dossier's applicant (the letter template renders it, with the number and
/// dates in its model); document <c>certificate-withdrawal</c> withdraws the dossier's current certificate and issues
/// the notice. Everything is added to the caller's context, so it commits with the transition that caused it.
/// </summary>
public sealed class CertificateIssuer(DocumentIssuer documents, AuditTrail audit, AuditKey key)
{
    /// <summary>The document kind that withdraws the dossier's current certificate.</summary>
    public const string Withdrawal = "certificate-withdrawal";

    /// <summary>The audit event of a withdrawal; its payload names the certificate (<c>number</c>) and the day (<c>withdrawnOn</c>).</summary>
    public const string WithdrawnEvent = "certificate-withdrawn";

    /// <summary>
    /// Dossier fields read, in this order, for the last day of validity; the workflow sets one (setField from a rule
    /// output) before it issues the certificate.
    /// </summary>
    public static readonly IReadOnlyList<string> ExpiryFields = ["labelValidUntil", "validUntil"];

    /// <summary>Whether <paramref name="kind"/> is a certificate document this class issues.</summary>
    public static bool Issues(string kind) => kind is DocumentKinds.Certificate or Withdrawal;

    /// <summary>
    /// Issues the certificate or the withdrawal notice of <paramref name="kind"/> with the letter of
    /// <paramref name="template"/>; <paramref name="facts"/> are the dossier's facts as this firing has set them so far
    /// (the expiry field included).
    /// </summary>
    /// <exception cref="InvalidOperationException">No expiry field, no applicant, or no certificate to withdraw.</exception>
    public async Task<Document> IssueAsync(PlatformDbContext db, Dossier dossier, string kind, string template, string language, JsonObject facts,
        string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(facts);
        return kind == Withdrawal
            ? await WithdrawAsync(db, dossier, template, language, facts, createdBy, now, cancellationToken)
            : await CertifyAsync(db, dossier, template, language, facts, createdBy, now, cancellationToken);
    }

    private async Task<Document> CertifyAsync(PlatformDbContext db, Dossier dossier, string template, string language, JsonObject facts,
        string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var issuedOn = DeadlinePlanner.LegalDate(now);
        var expiresOn = ExpiryOf(dossier, facts);
        if (expiresOn < issuedOn)
        {
            throw new InvalidOperationException($"{dossier.Reference}: a certificate issued on {issuedOn:yyyy-MM-dd} cannot end on {expiresOn:yyyy-MM-dd}.");
        }

        var holder = await PartyAsync(db, dossier, DossierRoles.Applicant, cancellationToken)
            ?? throw new InvalidOperationException($"{dossier.Reference} has no applicant to issue a certificate to.");
        var professional = await PartyAsync(db, dossier, DossierRoles.Expert, cancellationToken);
        var previous = await CurrentAsync(db, dossier.Id, cancellationToken);
        var number = await DossierReferences.NextAsync(db, $"CERT-{dossier.Programme}", issuedOn.Year, cancellationToken);

        var model = new JsonObject
        {
            ["certificate"] = new JsonObject
            {
                ["number"] = number,
                ["issuedOn"] = Day(issuedOn),
                ["expiresOn"] = Day(expiresOn),
                ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
                ["supersedes"] = previous?.Number,
            },
            ["company"] = PartyModel(holder),
            ["professional"] = professional is null ? null : PartyModel(professional),
            ["dossier"] = new JsonObject { ["reference"] = dossier.Reference },
        };
        var document = await documents.IssueAsync(db, dossier.Id, DocumentKinds.Certificate, template, language, model, createdBy,
            previous?.DocumentId, cancellationToken);
        var certificate = new Certificate(key, number, dossier.Id, holder.Id, professional?.Id, document, issuedOn, expiresOn, now, previous?.Id);
        db.Certificates.Add(certificate);
        audit.Append(db, dossier, "certificate-issued", createdBy, null, new JsonObject
        {
            ["number"] = number,
            ["issuedOn"] = Day(issuedOn),
            ["expiresOn"] = Day(expiresOn),
            ["sha256"] = document.Sha256,
            ["supersedes"] = previous?.Number,
        });
        return document;
    }

    private async Task<Document> WithdrawAsync(PlatformDbContext db, Dossier dossier, string template, string language, JsonObject facts,
        string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var certificate = await CurrentAsync(db, dossier.Id, cancellationToken)
            ?? throw new InvalidOperationException($"{dossier.Reference} has no certificate in force to withdraw.");
        var holder = await db.Parties.SingleAsync(p => p.Id == certificate.HolderPartyId, cancellationToken);
        var withdrawnOn = DeadlinePlanner.LegalDate(now);
        certificate.Withdraw(key, withdrawnOn, now);
        var model = new JsonObject
        {
            ["certificate"] = new JsonObject
            {
                ["number"] = certificate.Number,
                ["issuedOn"] = Day(certificate.IssuedOn),
                ["withdrawnOn"] = Day(withdrawnOn),
            },
            ["company"] = PartyModel(holder),
            ["reason"] = facts["reason"]?.DeepClone(),
            ["dossier"] = new JsonObject { ["reference"] = dossier.Reference },
        };
        var document = await documents.IssueAsync(db, dossier.Id, Withdrawal, template, language, model, createdBy, supersedesId: null, cancellationToken);
        audit.Append(db, dossier, WithdrawnEvent, createdBy, null, new JsonObject
        {
            ["number"] = certificate.Number,
            ["withdrawnOn"] = Day(withdrawnOn),
            ["sha256"] = document.Sha256,
        });
        return document;
    }

    // The latest certificate of the dossier that was not withdrawn, expired or not: a renewal supersedes it.
    private static async Task<Certificate?> CurrentAsync(PlatformDbContext db, long dossierId, CancellationToken cancellationToken) =>
        await db.Certificates.Where(c => c.DossierId == dossierId && c.WithdrawnOn == null)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<Party?> PartyAsync(PlatformDbContext db, Dossier dossier, string role, CancellationToken cancellationToken)
    {
        var link = dossier.Parties.FirstOrDefault(p => p.Role == role);
        return link is null ? null : await db.Parties.SingleAsync(p => p.Id == link.PartyId, cancellationToken);
    }

    private static DateOnly ExpiryOf(Dossier dossier, JsonObject facts)
    {
        foreach (var field in ExpiryFields)
        {
            if (facts[field] is JsonValue value && value.TryGetValue<string>(out var text)
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
        }

        throw new InvalidOperationException(
            $"{dossier.Reference}: a certificate needs its last day of validity in the dossier field {string.Join(" or ", ExpiryFields)} (yyyy-MM-dd), set by setField before issueDocument.");
    }

    private static JsonObject PartyModel(Party party) => new()
    {
        ["name"] = party.Name,
        ["enterpriseNumber"] = party.EnterpriseNumber is { } number ? $"BE {number}" : null,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
