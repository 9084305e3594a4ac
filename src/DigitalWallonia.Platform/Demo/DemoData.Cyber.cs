using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Demo;

/// <summary>
/// The cybersecurity premium and label through their real workflows: an accredited professional listed by the expert
/// committee (workflows/cyber-professional.json), another one awaiting the committee, and company dossiers at the first
/// step, at the roadmap, and labelled with a timestamped certificate and a premium claimed (workflows/cyber.json).
/// </summary>
public sealed partial class DemoData
{
    private static readonly Actor CyberCommittee = new("demo-cyber-committee", "Comité d'experts en cybersécurité", ["committee-member"]);

    private async Task LoadCyberAsync(IReadOnlyList<Party> companies, DateOnly today, CancellationToken cancellationToken)
    {
        var listed = await ProfessionalAsync("CyberSûr SRL", "0412.345.614", "Luc Martin", "luc@cybersur.example", cancellationToken);
        var pending = await ProfessionalAsync("Sécurité Numérique SA", "0567.890.161", "Ana Costa", "ana@securite-numerique.example", cancellationToken);
        var registration = await ApplyForListingAsync(listed, today, cancellationToken);
        await workflow.FireAsync(registration, new ActorActionFired("list")
        {
            Input = Fields(("assessment", new { administrativeCheck = true, technicalScore = 78, interviewHeld = true, favourable = true })),
        }, CyberCommittee, cancellationToken);
        await ApplyForListingAsync(pending, today, cancellationToken);

        var expert = ExpertActor(listed);
        (string Action, string Field, object Value)[] steps =
        [
            ("complete-assessment", "assessmentReport", "Audit selon le référentiel CIS : sauvegardes non testées, pas d'authentification forte, inventaire incomplet."),
            ("set-objectives", "objectives", "Sauvegardes testées chaque mois ; authentification forte pour tous les accès distants ; inventaire tenu à jour."),
            ("adopt-roadmap", "roadmap", "Douze mois en trois lots : sauvegardes, accès distants, sensibilisation du personnel."),
            ("establish-procedures", "procedures", "Revue trimestrielle des accès, test de restauration semestriel, tableau de bord des incidents."),
            ("award-label", "evaluation", new { proceduresRun = true, maturityScore = 64 }),
        ];

        // Forges de Wallonie: just started, the professional is assessing the situation (step 1).
        await StartCyberAsync(companies[0], listed, today, cancellationToken);
        // Eupener Maschinenbau: the objectives are set, the roadmap is being drawn up (step 3).
        var roadmap = await StartCyberAsync(companies[1], listed, today, cancellationToken);
        foreach (var (action, field, value) in steps.Take(2))
        {
            await workflow.FireAsync(roadmap, new ActorActionFired(action) { Input = Fields((field, value)) }, expert, cancellationToken);
        }

        // Namur Digital (digital sector, eligible since the cheque was opened to it): labelled, premium claimed.
        var labelled = await StartCyberAsync(companies[2], listed, today, cancellationToken);
        foreach (var (action, field, value) in steps)
        {
            await workflow.FireAsync(labelled, new ActorActionFired(action) { Input = Fields((field, value)) }, expert, cancellationToken);
        }

        await workflow.FireAsync(labelled, new ActorActionFired("claim-premium") { Input = Fields(("invoicedAmount", 18_400)) },
            new Actor("demo-sofia", "Sofia Martin", ["applicant"], companies[2].Id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
    }

    private async Task<Party> ProfessionalAsync(string name, string number, string contact, string email, CancellationToken cancellationToken)
    {
        var professional = Party.Organisation(name, EnterpriseNumber.Parse(number));
        professional.AddContact(contact, email, Language.French);
        db.Parties.Add(professional);
        await db.SaveChangesAsync(cancellationToken);
        return professional;
    }

    private async Task<string> ApplyForListingAsync(Party professional, DateOnly today, CancellationToken cancellationToken)
    {
        var (dossier, _) = await workflow.OpenAsync("cyber-professional", [(await TrackedAsync(professional.Id, cancellationToken), DossierRoles.Expert)], NoFacts,
            ExpertActor(professional), today, null, cancellationToken);
        await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = Fields(("application", new
            {
                annualAccountsYears = 3,
                noDebtsToRegion = true,
                swornStatement = true,
                charterSigned = true,
                experts = new[] { new { name = professional.Contacts[0].Name, yearsOfExperience = 9 } },
            })),
        }, ExpertActor(professional), cancellationToken);
        return dossier.Reference;
    }

    private async Task<string> StartCyberAsync(Party company, Party professional, DateOnly today, CancellationToken cancellationToken)
    {
        var applicant = new Actor($"demo-{company.Id}", company.Contacts[0].Name, ["applicant"], company.Id.ToString(CultureInfo.InvariantCulture));
        var (dossier, _) = await workflow.OpenAsync("cyber",
            [(await TrackedAsync(company.Id, cancellationToken), DossierRoles.Applicant), (await TrackedAsync(professional.Id, cancellationToken), DossierRoles.Expert)], NoFacts,
            applicant, today, 20_000m, cancellationToken);
        await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = Fields(("plannedCost", 20_000), ("declaration", SmeDeclaration(42, 6_500_000, 4_200_000))),
        }, applicant, cancellationToken);
        return dossier.Reference;
    }

    private static Actor ExpertActor(Party professional) =>
        new($"demo-expert-{professional.Id}", professional.Contacts[0].Name, ["expert"], professional.Id.ToString(CultureInfo.InvariantCulture));
}
