using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Demo;

/// <summary>
/// The provider register and RENTIC premiums of the demonstration, run through workflows/provider.json and
/// workflows/rentic.json: one provider labelled on the fast track (the one the RENTIC and voucher dossiers name), one
/// application under review, and premiums under review, awaiting documents, with an eligibility doubt and granted
/// with the diagnosis instalment planned.
/// </summary>
public sealed partial class DemoData
{
    private static readonly Actor DemoHandler = new("demo-handler", "Anne Lefèvre", ["case-handler"]);

    /// <summary>
    /// Loads the register and the premiums; returns the demo companies reloaded (firings clear the change tracker, so
    /// the callers' instances are no longer tracked) and the number of dossiers opened.
    /// </summary>
    private async Task<(IReadOnlyList<Party> Companies, int Dossiers)> LoadRenticAsync(IReadOnlyList<Party> companies, DateOnly today,
        CancellationToken cancellationToken)
    {
        var ids = companies.Select(c => c.Id).ToList();
        await LabelProviderAsync(companies[3].Id, fastTrack: true, cancellationToken);

        var newcomer = await FromRegisterAsync(EnterpriseNumber.Parse("0555.444.368"), cancellationToken);
        newcomer.AddContact("Julie Renard", "julie@atelier-liege.example", Language.French);
        db.Parties.Add(newcomer);
        await db.SaveChangesAsync(cancellationToken);
        await LabelProviderAsync(newcomer.Id, fastTrack: false, cancellationToken); // waits for the case handler's decision

        var consultant = ids[3];
        await RequestPremiumAsync(ids[0], consultant, 24_000m, today, cancellationToken);                  // under review
        var documents = await RequestPremiumAsync(ids[0], consultant, 9_800m, today, cancellationToken);
        await workflow.FireAsync(documents, new ActorActionFired("request-documents")
        {
            Input = Fields(("items", new object[]
            {
                new { label = "Devis détaillé signé par le prestataire", explanation = "Par étape : diagnostic, plan d'action, mise en œuvre" },
                new { label = "Derniers comptes annuels déposés" },
            })),
        }, DemoHandler, cancellationToken);
        await RequestPremiumAsync(ids[2], consultant, 18_000m, today, cancellationToken);                  // software publisher (62.010 in the register): eligibility doubt
        var granted = await RequestPremiumAsync(ids[1], consultant, 30_000m, today, cancellationToken);
        await workflow.FireAsync(granted, new ActorActionFired("approve"), DemoHandler, cancellationToken);
        var eupen = new Actor("demo-jonas", "Jonas Schmitz", ["applicant"], ids[1].ToString(CultureInfo.InvariantCulture));
        await workflow.FireAsync(granted, new ActorActionFired("declare-milestone")
        {
            Input = Fields(("diagnosis", new { invoicedAmount = 4_800, invoiceDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })),
        }, eupen, cancellationToken);
        await workflow.FireAsync(granted, new ActorActionFired("validate-milestone"), DemoHandler, cancellationToken); // diagnosis instalment planned

        return (await ReloadAsync(ids, cancellationToken), 6);
    }

    // A provider applies for the label: on the fast track (it holds a chèques-entreprises label) it is labelled at once.
    private async Task LabelProviderAsync(long providerId, bool fastTrack, CancellationToken cancellationToken)
    {
        var company = await TrackedAsync(providerId, cancellationToken);
        var actor = new Actor($"demo-provider-{company.Id}", company.Name, ["provider"], company.Id.ToString(CultureInfo.InvariantCulture));
        var today = Scheduling.DeadlinePlanner.LegalDate(clock.GetUtcNow());
        var (dossier, _) = await workflow.OpenAsync("provider", [(company, DossierRoles.Provider)], NoFacts, actor, today, null, cancellationToken);
        await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = Fields(("application", new
            {
                services = new[] { "Diagnostic de maturité numérique", "Plan d'action de transformation numérique", "Accompagnement à la mise en œuvre (ERP, e-commerce)" },
                themes = new[] { "digital-transformation", "technology" },
                annualAccountsYears = 3,
                noDebtToRegion = true,
                swornStatement = true,
                charterSigned = true,
                qualifications = fastTrack
                    ? new object[] { new { scheme = "label-entreprises", number = "LE-2025-0042", validUntil = today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } }
                    : [],
            })),
        }, actor, cancellationToken);
    }

    // A Walloon SME asks for the premium on the labelled provider's consultancy; the register supplies the provider fact.
    private async Task<string> RequestPremiumAsync(long companyId, long consultantId, decimal eligibleCost, DateOnly today,
        CancellationToken cancellationToken)
    {
        var company = await TrackedAsync(companyId, cancellationToken);
        var consultant = await TrackedAsync(consultantId, cancellationToken);
        var applicant = new Actor($"demo-applicant-{company.Id}", company.Contacts.FirstOrDefault()?.Name ?? company.Name, ["applicant"],
            company.Id.ToString(CultureInfo.InvariantCulture));
        var (dossier, _) = await workflow.OpenAsync("rentic", [(company, DossierRoles.Applicant), (consultant, DossierRoles.Provider)], NoFacts,
            applicant, today, eligibleCost, cancellationToken);
        await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = Fields(("service", "Diagnostic de maturité numérique, plan d'action et accompagnement à la mise en œuvre"), ("eligibleCost", eligibleCost),
                ("declaration", SmeDeclaration(35, 5_200_000, 3_100_000))),
        }, applicant, cancellationToken);
        return dossier.Reference;
    }

    private async Task<IReadOnlyList<Party>> ReloadAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var loaded = await db.Parties.Include(p => p.Contacts).Include(p => p.EstablishmentUnits)
            .Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return [.. ids.Select(id => loaded.Single(p => p.Id == id))];
    }

    // A firing clears the change tracker: a party passed to OpenAsync must be the instance the context tracks now.
    private Task<Party> TrackedAsync(long partyId, CancellationToken cancellationToken) =>
        db.Parties.Include(p => p.Contacts).SingleAsync(p => p.Id == partyId, cancellationToken);

    private static Dictionary<string, JsonElement> Fields(params (string Name, object Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => JsonSerializer.SerializeToElement(f.Value), StringComparer.Ordinal);
}
