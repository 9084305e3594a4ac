using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>A company applies for a technology voucher on the portal, in chromium, every page checked by axe-core.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class PortalApplyJourneyTests(DemoBrowserFixture fixture)
{
    private const string Home = "/Portal/Apply/voucher/0123456749";

    [ChromiumFact]
    public async Task A_company_pre_checks_starts_a_voucher_application_leaves_resumes_checks_its_answers_and_submits()
    {
        var site = await OpenAsync();
        await site.OpenAsync("/");
        await site.SignInAsync("Claire Dubois");
        var page = site.Page;

        // The programmes, then the voucher's pre-check for her one enterprise.
        await site.OpenAsync("/Portal/Programmes");
        await page.Locator("[data-testid=programme-voucher] a").ClickAsync();
        await page.WaitForURLAsync("**/Portal/Programmes/voucher");
        await site.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Portal/Programmes/voucher?enterprise=*");
        await site.CheckAsync();
        await Assertions.Expect(page.GetByTestId("precheck-eligible")).ToContainTextAsync("Vous semblez éligible");
        await page.EvaluateAsync("document.getElementById('result').scrollIntoView()");
        await site.ShotAsync("portal-precheck.png");

        // The task list; the company as the register knows it, confirmed; the provider; the service.
        await page.GetByRole(AriaRole.Link, new() { Name = "Commencer la demande" }).ClickAsync();
        await page.WaitForURLAsync("**" + Home);
        await site.CheckAsync();
        await SectionAsync(site, "Votre entreprise");
        await Assertions.Expect(page.GetByTestId("register")).ToContainTextAsync("Rue de la Station 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et continuer" }).ClickAsync();
        await page.WaitForURLAsync("**" + Home);
        await SectionAsync(site, "Le prestataire");
        await page.Locator("input[name='input.provider']").First.CheckAsync();
        await SaveAsync(site);
        await SectionAsync(site, "La prestation");
        await page.GetByLabel("Prestation demandée").FillAsync("Audit de cybersécurité et sauvegarde externalisée");
        await page.GetByLabel("Montant demandé (EUR HTVA)").FillAsync("7 500");
        await SaveAsync(site);

        // She leaves, and comes back another day: the answers were kept.
        await site.SignOutAsync();
        await site.SignInAsync("Claire Dubois");
        await site.OpenAsync(Home);
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveTextAsync("Vous avez complété 3 section(s) sur 4.");
        await site.ShotAsync("portal-tasklist.png");

        // The SME declaration, in English.
        await SectionAsync(site, "La déclaration PME");
        await site.SwitchLanguageAsync("English");
        await page.Locator("#input-accountsClosedOn-day").FillAsync("31");
        await page.Locator("#input-accountsClosedOn-month").FillAsync("12");
        await page.Locator("#input-accountsClosedOn-year").FillAsync((DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#input-declaration-enterprise-staffHeadcount").FillAsync("42");
        await page.Locator("#input-declaration-enterprise-annualTurnover").FillAsync("6 500 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.WaitForURLAsync("**" + Home);
        await site.CheckAsync();
        await site.SwitchLanguageAsync("Français");

        // Check the answers, change one, send.
        await page.GetByRole(AriaRole.Link, new() { Name = "Vérifier vos réponses et envoyer" }).ClickAsync();
        await page.WaitForURLAsync("**" + Home + "/check");
        await site.CheckAsync();
        await Assertions.Expect(page.GetByTestId("answers")).ToContainTextAsync("Audit de cybersécurité et sauvegarde externalisée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepter et envoyer" }).ClickAsync();
        await page.WaitForURLAsync("**/Portal/Apply/Confirmation/VOUCHER-*");
        await site.CheckAsync();
        await Assertions.Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Demande envoyée");
        await Assertions.Expect(page.GetByTestId("decision-by")).ToContainTextAsync("votre chèque est accordé automatiquement");
    }

    private static async Task SectionAsync(SitePage site, string name)
    {
        await site.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await site.Page.WaitForURLAsync("**" + Home + "/*");
        await site.CheckAsync();
    }

    private static async Task SaveAsync(SitePage site)
    {
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await site.Page.WaitForURLAsync("**" + Home);
        await site.CheckAsync();
    }

    private Task<SitePage> OpenAsync([CallerMemberName] string name = "") => fixture.OpenAsync(name);
}
