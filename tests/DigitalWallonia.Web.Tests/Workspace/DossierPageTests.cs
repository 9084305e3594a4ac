using System.Net;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Workspace;

/// <summary>
/// The workspace's dossier page over HTTP, on the demonstration dossiers (loaded on SQLite only, by design: the queries'
/// storage is tested on both databases in the platform's WorkQueueTests and RenticProgrammeTests).
/// </summary>
[Collection(WorkspaceCollection.Name)]
public class DossierPageTests
{
    [Fact]
    public async Task The_page_shows_the_register_s_company_the_declaration_with_provenance_where_it_stands_eligibility_and_timeline()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "under-review");
        var browser = await host.SignedInAsync("luc.renard");

        var response = await browser.GetAsync(new Uri($"/Workspace/Dossiers/{reference}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Dossier {reference}", html, StringComparison.Ordinal);
        // Company identity from the register with the extract's date, not from the applicant.
        Assert.Contains("Selon la Banque-Carrefour des Entreprises (extrait n°", html, StringComparison.Ordinal);
        Assert.Contains("Forges de Wallonie", html, StringComparison.Ordinal);
        Assert.Contains("Unités d'établissement", html, StringComparison.Ordinal);
        // The declaration, each value with its provenance.
        Assert.Contains("data-fact=\"declaration.enterprise.staffHeadcount\"", html, StringComparison.Ordinal);
        Assert.Contains("déclaré par", html, StringComparison.Ordinal);
        // Where it stands: words, what is expected from whom, the diagram with the current state highlighted, the text list.
        Assert.Contains("État actuel : ", html, StringComparison.Ordinal);
        Assert.Contains("par : Gestionnaire de dossier", html, StringComparison.Ordinal);
        Assert.Contains("stateDiagram-v2", html, StringComparison.Ordinal);
        Assert.Contains("class under_review current", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=step", html, StringComparison.Ordinal);
        // Eligibility: the rule set, version, as-of date, every rule's outcome explained.
        Assert.Contains("rentic-eligibility version", html, StringComparison.Ordinal);
        Assert.Contains("date de la demande", html, StringComparison.Ordinal);
        Assert.Contains("Remplie", html, StringComparison.Ordinal);
        Assert.Contains("(Banque-Carrefour des Entreprises)", html, StringComparison.Ordinal);
        // Timeline: the submission with the values it was given.
        Assert.Contains("Prestation demandée", html, StringComparison.Ordinal);
        Assert.Contains("dgo6", html, StringComparison.Ordinal); // the mail sent to the administration's mailbox
    }

    [Fact]
    public async Task An_unknown_reference_is_404_and_a_company_user_cannot_open_the_workspace()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var handler = await host.SignedInAsync("luc.renard");
        var company = await host.SignedInAsync("claire.dubois");
        var reference = await host.ReferenceAsync("rentic", "under-review");

        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync(new Uri("/Workspace/Dossiers/RENTIC-1999-999999", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync(new Uri($"/Workspace/Dossiers/{reference}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Correcting_a_declared_value_needs_a_reason_records_it_verified_and_audits_it()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "under-review");
        var browser = await host.SignedInAsync("luc.renard");
        var page = $"/Workspace/Dossiers/{reference}";
        var seen = Forms.Seen(await browser.GetStringAsync(new Uri(page, UriKind.Relative))).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await Forms.PostAsync(browser, page, "Verify",
            ("path", "declaration.enterprise.staffHeadcount"), ("mode", "correct"), ("value", "12"), ("reason", ""), ("seen", seen));
        var corrected = await Forms.PostAsync(browser, page, "Verify",
            ("path", "declaration.enterprise.staffHeadcount"), ("mode", "correct"), ("value", "12"), ("reason", "Comptes annuels 2025 déposés à la BNB"), ("seen", seen));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Indiquez le motif de la vérification", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var html = WebUtility.HtmlDecode(await corrected.Content.ReadAsStringAsync());
        Assert.Contains("Enregistré.", html, StringComparison.Ordinal);
        Assert.Contains("vérifié par luc.renard", html, StringComparison.Ordinal);
        Assert.Contains("Donnée corrigée : declaration.enterprise.staffHeadcount", html, StringComparison.Ordinal);
        await using var db = host.Db();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("verified", dossier.FactSources()["declaration.enterprise.staffHeadcount"].Source);
        Assert.Contains("\"staffHeadcount\":12", dossier.FactsJson, StringComparison.Ordinal);
        var audit = await db.AuditEvents.Where(e => e.DossierId == dossier.Id && e.Kind == "fact-verified").SingleAsync();
        Assert.Equal("luc.renard", audit.ActorSubject);
        Assert.Contains("Comptes annuels 2025", audit.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_read_before_someone_else_s_change_saves_nothing_and_shows_what_changed()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "under-review");
        var luc = await host.SignedInAsync("luc.renard");
        var hugo = await host.SignedInAsync(WorkspaceHost.SecondHandler);
        var page = $"/Workspace/Dossiers/{reference}";
        var seenByLuc = Forms.Seen(await luc.GetStringAsync(new Uri(page, UriKind.Relative))).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var claimed = await Forms.PostAsync(hugo, page, "Claim", ("seen", seenByLuc));
        var stale = await Forms.PostAsync(luc, page, "Verify",
            ("path", "declaration.enterprise.staffHeadcount"), ("mode", "confirm"), ("reason", "vu"), ("seen", seenByLuc));

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Ce dossier a changé depuis que vous l'avez ouvert", html, StringComparison.Ordinal);
        Assert.Contains("Hugo Marchal : A pris le dossier", html, StringComparison.Ordinal);
        await using var db = host.Db();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Kind == "fact-verified"));
    }

    [Fact]
    public async Task Claim_reassign_with_a_reason_and_release_show_who_holds_the_dossier_since_when()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "under-review");
        var luc = await host.SignedInAsync("luc.renard");
        var hugo = await host.SignedInAsync(WorkspaceHost.SecondHandler);
        var page = $"/Workspace/Dossiers/{reference}";
        string Seen(string html) => Forms.Seen(html).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var claimed = await Forms.PostAsync(luc, page, "Claim", ("seen", Seen(await luc.GetStringAsync(new Uri(page, UriKind.Relative)))));
        var withoutReason = await Forms.PostAsync(hugo, page, "Assign", ("holder", WorkspaceHost.SecondHandler), ("reason", ""), ("seen", Seen(await hugo.GetStringAsync(new Uri(page, UriKind.Relative)))));
        var reassigned = await Forms.PostAsync(hugo, page, "Assign", ("holder", WorkspaceHost.SecondHandler), ("reason", "Luc est en congé"), ("seen", Seen(await hugo.GetStringAsync(new Uri(page, UriKind.Relative)))));
        var queue = WebUtility.HtmlDecode(await hugo.GetStringAsync(new Uri("/Workspace?view=AssignedToMe", UriKind.Relative)));
        var released = await Forms.PostAsync(hugo, page, "Release", ("seen", Seen(await hugo.GetStringAsync(new Uri(page, UriKind.Relative)))));

        Assert.Contains("Luc Renard, depuis le", WebUtility.HtmlDecode(await claimed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Contains("needs a reason", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await reassigned.Content.ReadAsStringAsync());
        Assert.Contains("Hugo Marchal, depuis le", html, StringComparison.Ordinal);
        Assert.Contains("A réattribué le dossier de Luc Renard à Hugo Marchal ; motif : Luc est en congé", html, StringComparison.Ordinal);
        Assert.Contains(reference, queue, StringComparison.Ordinal);
        Assert.Contains("1 dossier(s)", queue, StringComparison.Ordinal);
        Assert.Contains("Personne ne traite ce dossier.", WebUtility.HtmlDecode(await released.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = host.Db();
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Kind == "assignment"));
        Assert.Empty(await db.DossierAssignments.ToListAsync());
    }

    [Fact]
    public async Task Internal_notes_are_kept_in_the_audit_trail_and_listed_for_staff()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "under-review");
        var luc = await host.SignedInAsync("luc.renard");
        var page = $"/Workspace/Dossiers/{reference}";

        var empty = await Forms.PostAsync(luc, page, "Note", ("text", " "), ("seen", "0"));
        var added = await Forms.PostAsync(luc, page, "Note", ("text", "Appelé le gérant : devis <b>signé</b> en route"), ("seen", "0"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("devis &lt;b&gt;sign", html, StringComparison.Ordinal);
        await using var db = host.Db();
        var note = await db.AuditEvents.SingleAsync(e => e.Kind == "internal-note");
        Assert.Equal("luc.renard", note.ActorSubject);
        Assert.Contains("devis <b>signé</b>", note.PersonalData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proposer_cannot_approve_and_a_correction_after_the_proposal_voids_the_approval()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await CompanySide.ApplyForRenticAsync(host.App.Services, 60_000m);
        await using (var db = host.Db())
        {
            // Luc also holds the supervisor's role: only four-eyes, not his roles, stops him approving his own proposal.
            db.StaffRoleGrants.Add(new DigitalWallonia.Platform.Access.StaffRoleGrant("luc.renard", "supervisor", "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var luc = await host.SignedInAsync("luc.renard");
        var anne = await host.SignedInAsync("anne.lambert");
        var page = $"/Workspace/Dossiers/{reference}";
        async Task<string> SeenAsync(HttpClient browser) => Forms.Seen(await browser.GetStringAsync(new Uri(page, UriKind.Relative))).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var proposed = await Forms.PostAsync(luc, $"{page}?act=approve", "Act", ("seen", await SeenAsync(luc)));
        var proposerPage = WebUtility.HtmlDecode(await luc.GetStringAsync(new Uri(page, UriKind.Relative)));
        var forged = await Forms.PostAsync(luc, $"{page}?act=countersign", "Act", ("seen", await SeenAsync(luc)));
        await Task.Delay(10); // the correction comes after the proposal
        var corrected = await Forms.PostAsync(luc, page, "Verify",
            ("path", "declaration.enterprise.staffHeadcount"), ("mode", "correct"), ("value", "260"), ("reason", "Bilan social 2025"), ("seen", await SeenAsync(luc)));
        var approverPage = WebUtility.HtmlDecode(await anne.GetStringAsync(new Uri(page, UriKind.Relative)));
        var voided = await Forms.PostAsync(anne, $"{page}?act=countersign", "Act", ("seen", await SeenAsync(anne)));
        var sentBack = await Forms.PostAsync(anne, $"{page}?act=send-back", "Act", ("input.reason", "Effectif corrigé à 260 : à reproposer"), ("seen", await SeenAsync(anne)));

        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Contains("Vous avez fait la proposition : une autre personne doit l'approuver.", proposerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("act=countersign", proposerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("L'action « countersign » ne vous est pas ouverte", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Contains("Proposé par luc.renard", approverPage, StringComparison.Ordinal);
        Assert.Contains("Cette proposition est annulée", approverPage, StringComparison.Ordinal);
        Assert.Contains("fact 'declaration.enterprise.staffHeadcount' corrected by luc.renard from 35 to 260", approverPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, voided.StatusCode);
        Assert.Contains("La proposition est annulée : les preuves ont changé", WebUtility.HtmlDecode(await voided.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        await using var check = host.Db();
        Assert.Equal("under-review", await check.Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync());
        Assert.Empty(await check.Decisions.Where(d => check.Dossiers.Any(x => x.Id == d.DossierId && x.Reference == reference)).ToListAsync());
    }
}
