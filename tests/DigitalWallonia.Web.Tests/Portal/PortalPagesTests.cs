using System.Net;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Tests.Workspace;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests.Portal;

/// <summary>
/// The company portal over HTTP on the demonstration dossiers: Claire Dubois represents Forges de Wallonie (two RENTIC
/// premiums, one awaiting documents, and a cybersecurity path), Sofia Martin two enterprises (Namur Digital's technology
/// voucher awaiting the administration's decision).
/// </summary>
[Collection(WorkspaceCollection.Name)]
public class PortalPagesTests
{
    private const string Forges = "0123456749";
    private const string NamurDigital = "0789012351";

    [Fact]
    public async Task My_dossiers_says_each_status_in_plain_words_what_comes_next_from_whom_and_the_administration_s_deadline()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var claire = await host.SignedInAsync("claire.dubois");
        var sofia = await host.SignedInAsync("sofia.martin");
        var documents = await host.ReferenceAsync("rentic", "documents-requested");
        var voucher = await host.ReferenceAsync("voucher", "under-review");

        // One mandate: her enterprise's dossiers straight away, the state ids nowhere.
        var page = await HtmlAsync(claire, "/Portal");
        Assert.Contains("Pour Forges de Wallonie", page, StringComparison.Ordinal);
        var row = Row(page, documents);
        Assert.Contains("Documents demandés : l'administration attend des pièces de votre part", row, StringComparison.Ordinal);
        Assert.Contains("À vous : ", row, StringComparison.Ordinal);
        Assert.Matches(@"Documents à envoyer au plus tard le \d{1,2} \w+ \d{4} ; à défaut, la demande devient caduque\.", row);
        Assert.DoesNotContain(">documents-requested<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(voucher, page, StringComparison.Ordinal);

        // Two mandates: she chooses, the choice stays in the address; the voucher's deadline says what happens if it passes.
        var choose = await HtmlAsync(sofia, "/Portal");
        Assert.Contains("Pour quelle entreprise ?", choose, StringComparison.Ordinal);
        Assert.Contains($"value=\"{NamurDigital}\"", choose, StringComparison.Ordinal);
        var namur = Row(await HtmlAsync(sofia, $"/Portal?entreprise={NamurDigital}"), voucher);
        Assert.Contains("Demande à l'examen par l'administration", namur, StringComparison.Ordinal);
        Assert.Contains("L'administration examine votre dossier et décide.", namur, StringComparison.Ordinal);
        Assert.Matches(@"Décision attendue au plus tard le \d{1,2} \w+ \d{4} ; à défaut, votre chèque est accepté automatiquement\.", namur);

        // An enterprise her mandates do not cover does not exist for her.
        Assert.Equal(HttpStatusCode.NotFound, (await sofia.GetAsync(new Uri($"/Portal?entreprise={Forges}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_decided_dossier_shows_why_the_letter_and_the_messages_sent_to_the_company()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await ApproveForgesPremiumAsync(host);
        var claire = await host.SignedInAsync("claire.dubois");

        var page = await HtmlAsync(claire, $"/Portal/Dossier/{reference}");

        Assert.Contains($"Dossier {reference}", page, StringComparison.Ordinal);
        Assert.Contains("Prime accordée — diagnostic à réaliser", page, StringComparison.Ordinal);
        Assert.Contains("aide octroyée", page, StringComparison.Ordinal);
        Assert.Contains("À vous : déclarer l'étape réalisée", page, StringComparison.Ordinal);
        Assert.Contains("12\u202F000,00\u00A0€", page, StringComparison.Ordinal); // half the 24,000 EUR cost
        Assert.Contains("Décret du 21 décembre 2016", page, StringComparison.Ordinal);
        Assert.Contains("rentic-amount, version", page, StringComparison.Ordinal);
        Assert.Matches(@"Conseil d'État.*au plus tard le \d{1,2} \w+ \d{4} \(soixante jours après la notification\)", page);
        // Why: each condition with its outcome, the values used and where they came from.
        Assert.Contains("Les conditions vérifiées", page, StringComparison.Ordinal);
        Assert.Contains("Remplie", page, StringComparison.Ordinal);
        Assert.Contains("(Banque-Carrefour des Entreprises)", page, StringComparison.Ordinal);
        // The messages to the company's contact (not the administration's mailbox), the letter among the documents.
        Assert.Contains("Envoyé à claire.dubois@forges.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dgo6", page, StringComparison.Ordinal);
        Assert.Contains("Lettre de décision", page, StringComparison.Ordinal);
        Assert.Contains("Prime accordée — diagnostic à réaliser", page, StringComparison.Ordinal);

        var letter = await LetterAsync(host, reference);
        var opened = await claire.GetAsync(new Uri($"/Portal/Dossier/{reference}/Document/{letter}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(reference, await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_company_acts_on_its_dossier_from_its_page_through_the_workflow()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("cyber", "assessment"); // Forges de Wallonie's, the first in step 1
        var claire = await host.SignedInAsync("claire.dubois");
        var page = $"/Portal/Dossier/{reference}?act=withdraw";
        var html = await HtmlAsync(claire, page);
        Assert.Contains("Envoyer : retirer la demande", html, StringComparison.Ordinal);

        var posted = await Workspace.Forms.PostAsync(claire, page, "Act",
            ("seen", Workspace.Forms.Seen(html).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var after = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("C'est fait : votre action est enregistrée.", after, StringComparison.Ordinal);
        Assert.Contains("Retiré — dossier clôturé", after, StringComparison.Ordinal);
        await using var db = host.Db();
        Assert.Equal("withdrawn", await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync());
    }

    [Fact]
    public async Task Another_company_s_dossier_and_documents_do_not_exist_for_a_company_user_by_reference_id_or_document_address()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var forges = await ApproveForgesPremiumAsync(host);
        var voucher = await host.ReferenceAsync("voucher", "under-review");
        await ApproveAsync(host, voucher);
        var voucherLetter = await LetterAsync(host, voucher);
        await using var db = host.Db();
        var voucherId = await db.Dossiers.Where(d => d.Reference == voucher).Select(d => d.Id).SingleAsync();
        var claire = await host.SignedInAsync("claire.dubois");

        foreach (var address in new[]
        {
            $"/Portal/Dossier/{voucher}", $"/Portal/Dossier/{voucherId}", "/Portal/Dossier/VOUCHER-1999-999999",
            $"/Portal/Dossier/{voucher}/Document/{voucherLetter}",
            // Her own dossier's address with another dossier's document is no way round it either.
            $"/Portal/Dossier/{forges}/Document/{voucherLetter}",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync(new Uri(address, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await claire.GetAsync(new Uri($"/Portal/Dossier/{forges}/Document/{await LetterAsync(host, forges)}", UriKind.Relative))).StatusCode);
    }

    /// <summary>A case handler grants Forges de Wallonie's 24,000 EUR premium (the demo's under-review one); its reference.</summary>
    internal static async Task<string> ApproveForgesPremiumAsync(WorkspaceHost host)
    {
        var reference = await host.ReferenceAsync("rentic", "under-review");
        await ApproveAsync(host, reference);
        return reference;
    }

    internal static async Task ApproveAsync(WorkspaceHost host, string reference)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, new ActorActionFired("approve"),
            new Actor("luc.renard", "Luc Renard", ["case-handler"]), CancellationToken.None);
        Assert.True(report.Accepted, report.Rejection?.Message);
    }

    internal static async Task<long> LetterAsync(WorkspaceHost host, string reference)
    {
        await using var db = host.Db();
        return await db.Documents.Where(d => d.Kind == "decision-letter" && db.Dossiers.Any(x => x.Id == d.DossierId && x.Reference == reference))
            .Select(d => d.Id).SingleAsync();
    }

    private static async Task<string> HtmlAsync(HttpClient browser, string address)
    {
        var response = await browser.GetAsync(new Uri(address, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    // The table row of one dossier on "my dossiers".
    private static string Row(string html, string reference)
    {
        var start = html.IndexOf($"data-reference=\"{reference}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {reference}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
