using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Demo;

public sealed partial class DemoData
{
    private static readonly Actor LabelCommittee = new("demo-label-committee", "Comité du label (démo)", ["committee-member"]);

    // Initiatives asking for the Digital Wallonia label, run through workflows/label.json: the charter checked against the
    // version in force today, the committee's decision deadline planned, labels granted with their validity and expiry
    // reminders, one suspended, one refused. The promoters come from the demo extract of the company register, which the
    // label's common checks read (registered and active, a Walloon seat or establishment unit).
    private async Task<int> LoadLabelsAsync(Party namurDigital, Party conseilNumerique, DateOnly today, CancellationToken cancellationToken)
    {
        var codeClub = await DemoPromoterAsync("0812.345.603", "Julie Lambert", "julie@codeclub.example", "fr", cancellationToken);
        var fabLab = await DemoPromoterAsync("0823.456.754", "Tom Peeters", "tom@fablab-liege.example", "en", cancellationToken);
        db.Parties.AddRange(codeClub, fabLab);
        await db.SaveChangesAsync(cancellationToken);

        // Labelled, in the list of labelled initiatives.
        var labelled = await ApplyForLabelAsync(codeClub, "Wallonie Code Club", "https://codeclub.example", "digital-skills", today, cancellationToken);
        await workflow.FireAsync(labelled, new ActorActionFired("label"), LabelCommittee, cancellationToken);

        // Awaiting the committee.
        await ApplyForLabelAsync(namurDigital, "Namur Smart City Lab", "https://smartcity.namurdigital.example", "connected-territory", today, cancellationToken);

        // Labelled, then suspended: out of the list until the committee reinstates it.
        var suspended = await ApplyForLabelAsync(fabLab, "Liège Fab Lab", "https://fablab-liege.example", "digital-economy", today, cancellationToken);
        await workflow.FireAsync(suspended, new ActorActionFired("label"), LabelCommittee, cancellationToken);
        await workflow.FireAsync(suspended, Input("suspend", "suspensionReason", "La déclaration d'accessibilité du site n'est plus publiée."), LabelCommittee,
            cancellationToken);

        // Refused by the committee, with its reason.
        var refused = await ApplyForLabelAsync(conseilNumerique, "Diagnostic numérique express", "https://conseil.example/diagnostic", "digital-economy",
            today, cancellationToken);
        await workflow.FireAsync(refused, Input("refuse", "refusalReason", "Offre commerciale d'un prestataire, sans dimension collective ni lien avec les priorités du Plan."),
            LabelCommittee, cancellationToken);
        return 4;
    }

    private async Task<Party> DemoPromoterAsync(string number, string contact, string email, string language, CancellationToken cancellationToken)
    {
        var party = await FromRegisterAsync(EnterpriseNumber.Parse(number), cancellationToken);
        party.AddContact(contact, email, language);
        return party;
    }

    private async Task<string> ApplyForLabelAsync(Party demoPromoter, string initiative, string website, string category, DateOnly today,
        CancellationToken cancellationToken)
    {
        // Each firing clears the context's tracker: link the party as stored, not the detached object it was created as.
        var promoter = await db.Parties.SingleAsync(p => p.Id == demoPromoter.Id, cancellationToken);
        var actor = new Actor($"demo-promoter-{promoter.Id}", promoter.Name, ["promoter"], promoter.Id.ToString(CultureInfo.InvariantCulture));
        var (dossier, _) = await workflow.OpenAsync("label", [(promoter, DossierRoles.Promoter)], NoFacts, actor, today, null,
            cancellationToken);
        string[] commitments = ["plan-priorities", "state-of-the-art", "accessibility", "security", "personal-data", "fair-competition", "brand-use", "yearly-follow-up"];
        await workflow.FireAsync(dossier.Reference, new ActorActionFired("apply")
        {
            Input = new Dictionary<string, JsonElement>
            {
                ["initiative"] = JsonSerializer.SerializeToElement(new { name = initiative, website, category }),
                ["charterVersion"] = JsonSerializer.SerializeToElement("2019"),
                ["commitments"] = JsonSerializer.SerializeToElement(commitments),
                ["evidence"] = JsonSerializer.SerializeToElement(new[]
                {
                    new { kind = "plan-positioning", reference = "positionnement-plan-du-numerique.pdf" },
                    new { kind = "privacy-policy", reference = website + "/vie-privee" },
                    new { kind = "accessibility-statement", reference = website + "/accessibilite" },
                }),
            },
        }, actor, cancellationToken);
        return dossier.Reference;
    }

    private static ActorActionFired Input(string action, string field, string value) =>
        new(action) { Input = new Dictionary<string, JsonElement> { [field] = JsonSerializer.SerializeToElement(value) } };
}
