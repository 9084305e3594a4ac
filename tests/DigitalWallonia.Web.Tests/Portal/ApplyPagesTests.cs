using System.Net;
using System.Text.RegularExpressions;
using DigitalWallonia.Platform.Applications;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Tests.SignIn;
using DigitalWallonia.Web.Tests.Workspace;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Portal;

/// <summary>Applying for a technology voucher over HTTP: task list, one section per page, save and resume, check answers, submit.</summary>
[Collection(WorkspaceCollection.Name)]
public partial class ApplyPagesTests
{
    private const string Home = "/Portal/Apply/voucher/0123456749";

    [Fact]
    public async Task A_representative_fills_the_sections_resumes_checks_and_submits_through_the_workflow()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var claire = await host.SignedInAsync("claire.dubois");

        var notHers = await claire.GetAsync(new Uri("/Portal/Apply/voucher/0789012351", UriKind.Relative));
        var unknown = await claire.GetAsync(new Uri(Home + "/nonsense", UriKind.Relative));
        var company = WebUtility.HtmlDecode(await claire.GetStringAsync(new Uri(Home + "/entreprise", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await Post(claire, "/entreprise")).StatusCode);
        var providerPage = await claire.GetStringAsync(new Uri(Home + "/prestataire", UriKind.Relative));
        var provider = ProviderOption().Match(providerPage).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await Post(claire, "/prestataire", ("input.provider", provider))).StatusCode);
        var refused = await Post(claire, "/prestation", ("input.service", ""), ("input.requestedAmount", "deux mille"));
        Assert.Equal(HttpStatusCode.OK, (await Post(claire, "/prestation", ("input.service", "Audit de cybersécurité"), ("input.requestedAmount", "7 500"))).StatusCode);

        // She leaves, and comes back in a new session: the draft kept her answers.
        var again = await host.SignedInAsync("claire.dubois");
        var resumed = WebUtility.HtmlDecode(await again.GetStringAsync(new Uri(Home, UriKind.Relative)));
        var serviceAgain = WebUtility.HtmlDecode(await again.GetStringAsync(new Uri(Home + "/prestation", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await Post(again, "/declaration",
            ("input.accountsClosedOn.day", "31"), ("input.accountsClosedOn.month", "12"), ("input.accountsClosedOn.year", (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("input.declaration.enterprise.staffHeadcount", "42"), ("input.declaration.enterprise.annualTurnover", "6 500 000"))).StatusCode);
        var check = WebUtility.HtmlDecode(await again.GetStringAsync(new Uri(Home + "/check", UriKind.Relative)));
        var sent = await Post(again, "/check");
        var confirmation = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Forges de Wallonie", company, StringComparison.Ordinal);
        Assert.Contains("Rue de la Station 12, 4000 Liège", company, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Vous avez complété 3 section(s) sur 4.", resumed, StringComparison.Ordinal);
        Assert.Contains("Audit de cybersécurité", serviceAgain, StringComparison.Ordinal);
        Assert.Contains("href=\"" + Home + "/prestation\"", check, StringComparison.Ordinal);
        Assert.Contains("7 500,00 €", check.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Equal("/Portal/Apply/Confirmation/", sent.RequestMessage!.RequestUri!.AbsolutePath[..27]);
        Assert.Contains("Demande envoyée", confirmation, StringComparison.Ordinal);
        Assert.Contains("Sans décision à cette date, votre chèque est accordé automatiquement.", confirmation, StringComparison.Ordinal);
        var reference = sent.RequestMessage.RequestUri.AbsolutePath[27..];
        await using var db = host.Db();
        var dossier = await db.Dossiers.Include(d => d.Parties).ThenInclude(p => p.Party).SingleAsync(d => d.Reference == reference);
        Assert.NotEqual("draft", dossier.State);
        Assert.Equal("0123456749", dossier.Parties.Single(p => p.Role == DossierRoles.Applicant).Party.EnterpriseNumber!.Value.Digits);
        Assert.Empty(await db.Set<ApplicationDraft>().ToListAsync());
        // The declaration stays with the company for its next application.
        Assert.Single(await db.Set<SmeDeclaration>().Where(d => d.EnterpriseNumber == "0123456749").ToListAsync());
        // Nor can Claire read the confirmation of a dossier her company is no party to (the demo's voucher of Namur Digital).
        var others = await db.Dossiers.Where(d => d.Programme == "voucher" && d.Reference != reference).Select(d => d.Reference).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync(new Uri("/Portal/Apply/Confirmation/" + others, UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient browser, string section, params (string Name, string Value)[] fields)
    {
        var page = Home + section;
        var html = await (await browser.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", SignInJourney.Token(html)));
        return await browser.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"input.provider\"[^>]*value=\"(\\d+)\"")]
    private static partial Regex ProviderOption();
}
