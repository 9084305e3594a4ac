using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Tests.Workspace;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Portal;

/// <summary>The pages anyone reads without signing in: a certificate's verification, the registers' public lists.</summary>
[Collection(WorkspaceCollection.Name)]
public class PublicPagesTests
{
    [Fact]
    public async Task Anyone_verifies_a_certificate_by_its_number_without_signing_in_and_an_unknown_number_is_said_so()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        await using var db = host.Db();
        var number = await db.Certificates.OrderBy(c => c.Id).Select(c => c.Number).FirstAsync();
        var anonymous = host.App.Browser(followRedirects: false);

        var form = await anonymous.GetAsync(new Uri("/certificats/verifier", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var found = await HtmlAsync(anonymous, $"/certificats/verifier?numero={number.ToLowerInvariant()}");
        Assert.Contains($"Certificat n° {number}", found, StringComparison.Ordinal);
        Assert.Contains("Valable aujourd'hui", found, StringComparison.Ordinal);
        Assert.Contains("Namur Digital", found, StringComparison.Ordinal);

        var unknown = await anonymous.GetAsync(new Uri("/certificats/verifier?numero=CERT-CYBER-1999-999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Aucun certificat ne porte le numéro « CERT-CYBER-1999-999999 »", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registers_lists_show_who_is_in_force_today_and_are_searchable_without_signing_in()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var anonymous = host.App.Browser(followRedirects: false);

        // The demo labels Conseil Numérique on the fast track; the newcomer (Atelier in Liège) still waits for its decision.
        var providers = await HtmlAsync(anonymous, "/registres/prestataires");
        Assert.Contains("Prestataires labellisés", providers, StringComparison.Ordinal);
        Assert.Contains("Conseil Numérique", providers, StringComparison.Ordinal);
        Assert.Contains("0876.543.270", providers, StringComparison.Ordinal);
        Assert.DoesNotContain("0555.444.368", providers, StringComparison.Ordinal);

        var searched = await HtmlAsync(anonymous, "/registres/prestataires?q=conseil+numerique");
        Assert.Contains("Conseil Numérique", searched, StringComparison.Ordinal);
        Assert.Contains("pour « conseil numerique »", searched, StringComparison.Ordinal);
        var byNumber = await HtmlAsync(anonymous, "/registres/prestataires?q=0876543270");
        Assert.Contains("Conseil Numérique", byNumber, StringComparison.Ordinal);
        var nothing = await HtmlAsync(anonymous, "/registres/prestataires?q=introuvable");
        Assert.Contains("Aucune inscription ne correspond.", nothing, StringComparison.Ordinal);

        var professionals = await HtmlAsync(anonymous, "/registres/professionnels-cybersecurite");
        Assert.Contains("Professionnels de la cybersécurité agréés", professionals, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* inscription\(s\) en vigueur", professionals);
        var initiatives = await HtmlAsync(anonymous, "/registres/initiatives");
        Assert.Contains("Initiatives labellisées Digital Wallonia", initiatives, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/registres/inconnu", UriKind.Relative))).StatusCode);
    }

    private static async Task<string> HtmlAsync(HttpClient browser, string address)
    {
        var response = await browser.GetAsync(new Uri(address, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
