using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// The facts of a dossier under the names the templates use (<c>dossier.*</c>, <c>company.*</c>, <c>recipient.*</c>, each
/// other party by its role, the dossier's facts under the programme's key),
/// for previews and as a starting point for the models the workflow runtime queues.
/// </summary>
public static class DossierFacts
{
    // French names until programmes carry their own localised names.
    private static readonly Dictionary<string, string> ProgrammeNames = new(StringComparer.Ordinal)
    {
        ["rentic"] = "Prime RENTIC – transformation numérique",
        ["voucher"] = "Chèques technologiques",
        ["cyber"] = "Prime cybersécurité",
        ["label"] = "Label Digital Wallonia",
        ["provider"] = "Registre des prestataires labellisés",
        ["reporting"] = "Rapportage des mesures",
    };

    /// <summary>The facts of the dossier with this reference, or null when there is none.</summary>
    public static async Task<JsonObject?> ForReferenceAsync(PlatformDbContext db, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dossier = await db.Dossiers.AsNoTracking()
            .Include(d => d.Parties).ThenInclude(p => p.Party).ThenInclude(p => p.Contacts)
            .Include(d => d.Parties).ThenInclude(p => p.Party).ThenInclude(p => p.EstablishmentUnits)
            .SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken);
        return dossier is null ? null : For(dossier);
    }

    public static JsonObject For(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var facts = new JsonObject
        {
            ["dossier"] = new JsonObject
            {
                ["reference"] = dossier.Reference,
                ["programme"] = dossier.Programme,
                ["programmeName"] = ProgrammeNames.GetValueOrDefault(dossier.Programme, dossier.Programme),
                ["state"] = dossier.State,
                ["submittedOn"] = dossier.SubmittedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["decidedOn"] = dossier.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["requestedAmount"] = dossier.RequestedAmount,
            },
        };
        var applicant = dossier.Parties.FirstOrDefault(p => p.Role == DossierRoles.Applicant)?.Party;
        if (applicant is not null)
        {
            facts["company"] = new JsonObject
            {
                ["name"] = applicant.Name,
                ["enterpriseNumber"] = applicant.EnterpriseNumber is { } number ? $"BE {number}" : null,
            };
            var contact = applicant.Contacts.FirstOrDefault();
            var unit = applicant.EstablishmentUnits.FirstOrDefault();
            facts["recipient"] = new JsonObject
            {
                ["name"] = contact?.Name ?? applicant.Name,
                ["email"] = contact?.Email,
                ["language"] = contact?.PreferredLanguage,
                ["salutation"] = Addressing.Salutation(contact?.PreferredLanguage, staff: false),
                ["copyOf"] = null, // the applicant's own message
                ["company"] = applicant.Name,
                ["street"] = unit?.Street,
                ["postcode"] = unit?.Postcode,
                ["city"] = unit?.Municipality,
            };
        }

        // The other linked parties under their role (provider.name, promoter.name), and the dossier's own facts under the
        // programme's key (voucher.service, label.initiative.name), so letters can say what e-mails say. Several parties in
        // one role (two providers) are all named: name and enterpriseNumber join theirs, parties lists each.
        foreach (var link in dossier.Parties.Where(p => p.Role != DossierRoles.Applicant && p.Party is not null).GroupBy(p => p.Role))
        {
            var parties = link.OrderBy(p => p.PartyId).Select(p => new JsonObject
            {
                ["name"] = p.Party.Name,
                ["enterpriseNumber"] = p.Party.EnterpriseNumber is { } partyNumber ? $"BE {partyNumber}" : null,
            }).ToList();
            facts[link.Key] = new JsonObject
            {
                ["name"] = string.Join(", ", parties.Select(p => (string?)p["name"])),
                ["enterpriseNumber"] = parties.Any(p => p["enterpriseNumber"] is not null)
                    ? string.Join(", ", parties.Select(p => (string?)p["enterpriseNumber"]).OfType<string>())
                    : null,
                ["parties"] = new JsonArray([.. parties]),
            };
        }

        facts[dossier.Programme] = JsonNode.Parse(dossier.FactsJson);
        return facts;
    }
}
