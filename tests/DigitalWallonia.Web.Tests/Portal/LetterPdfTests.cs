using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Tests.Workspace;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace DigitalWallonia.Web.Tests.Portal;

/// <summary>Letters and certificates downloaded as PDF, read back with PdfPig: the text is there and selectable.</summary>
[Collection(WorkspaceCollection.Name)]
public class LetterPdfTests
{
    [Fact]
    public async Task The_decision_letter_downloads_as_a_pdf_with_the_amount_and_the_reference_from_the_portal_and_the_workspace()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await PortalPagesTests.ApproveForgesPremiumAsync(host);
        var letter = await PortalPagesTests.LetterAsync(host, reference);
        var claire = await host.SignedInAsync("claire.dubois");

        var page = await claire.GetStringAsync(new Uri($"/Portal/Dossier/{reference}", UriKind.Relative));
        Assert.Contains($"/Portal/Dossier/{reference}/Pdf/{letter}", page, StringComparison.Ordinal);
        var text = await PdfTextAsync(claire, $"/Portal/Dossier/{reference}/Pdf/{letter}");

        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("12 000,00 €", text, StringComparison.Ordinal);
        Assert.Contains("Forges de Wallonie", text, StringComparison.Ordinal);

        var handler = await host.SignedInAsync("luc.renard");
        var workspace = await handler.GetStringAsync(new Uri($"/Workspace/Dossiers/{reference}", UriKind.Relative));
        Assert.Contains($"?handler=Pdf&amp;id={letter}", workspace, StringComparison.Ordinal);
        Assert.Contains("12 000,00 €", await PdfTextAsync(handler, $"/Workspace/Dossiers/{reference}?handler=Pdf&id={letter}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_s_pdf_carries_its_verification_number_and_another_company_cannot_download_a_letter()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var forges = await PortalPagesTests.ApproveForgesPremiumAsync(host);
        var letter = await PortalPagesTests.LetterAsync(host, forges);
        await using var db = host.Db();
        var certificate = await db.Certificates.OrderBy(c => c.Id).Select(c => new { c.Number, c.DocumentId, c.DossierId }).FirstAsync();
        var cyber = await db.Dossiers.Where(d => d.Id == certificate.DossierId).Select(d => d.Reference).SingleAsync();
        var sofia = await host.SignedInAsync("sofia.martin");
        var claire = await host.SignedInAsync("claire.dubois");

        var text = await PdfTextAsync(sofia, $"/Portal/Dossier/{cyber}/Pdf/{certificate.DocumentId}");

        Assert.Contains(certificate.Number, text, StringComparison.Ordinal);
        Assert.Contains("/certificats/verifier", text, StringComparison.Ordinal);
        foreach (var address in new[] { $"/Portal/Dossier/{cyber}/Pdf/{certificate.DocumentId}", $"/Portal/Dossier/{forges}/Pdf/{certificate.DocumentId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync(new Uri(address, UriKind.Relative))).StatusCode);
        }

        // Sofia's mandate for the Forges premium's provider does not open Forges' letter through her own dossier's address.
        Assert.Equal(HttpStatusCode.NotFound, (await sofia.GetAsync(new Uri($"/Portal/Dossier/{cyber}/Pdf/{letter}", UriKind.Relative))).StatusCode);
    }

    private static async Task<string> PdfTextAsync(HttpClient browser, string address)
    {
        var response = await browser.GetAsync(new Uri(address, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        // Spaces as plain spaces: the amounts' thousands separator is a narrow no-break space in French.
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        return text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
    }
}
