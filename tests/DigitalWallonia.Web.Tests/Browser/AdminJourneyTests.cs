using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>The administration pages with htmx: a refused form and a granted role swapped in place, focus and announcements.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task An_administrator_grants_a_role_in_place_after_a_refusal_with_focus_and_announcements()
    {
        var site = await OpenAsync();
        await site.SignInAsync("Marc Delvaux");
        await site.Page.GetByRole(AriaRole.Link, new() { Name = "Rôles du personnel" }).ClickAsync();
        await site.CheckedAsync();
        var page = site.Page;

        // Refused: no role chosen. htmx swaps the 422 answer, focus goes to the error summary.
        await page.GetByLabel("Personne (identifiant)").FillAsync("nouvelle.gestionnaire");
        await site.HtmxAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Attribuer le rôle" }).ClickAsync());
        Assert.Contains("govuk-error-summary", await site.FocusedAsync(), StringComparison.Ordinal);
        Assert.Equal("/Admin/Roles", site.Path); // swapped in place, not navigated
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Choisissez une réponse pour « Rôle »." })).ToBeVisibleAsync();
        Assert.Equal("nouvelle.gestionnaire", await page.GetByLabel("Personne (identifiant)").InputValueAsync()); // kept as typed

        // Accepted: the region comes back with the new row, the banner has focus and the status region says it.
        await page.GetByLabel("Gestionnaire de dossier", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Programme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Chèques technologiques" });
        await site.HtmxAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Attribuer le rôle" }).ClickAsync());
        const string done = "Rôle « Gestionnaire de dossier » (Chèques technologiques) attribué à nouvelle.gestionnaire.";
        Assert.Equal(done, await site.AnnouncedAsync());
        Assert.Equal(done, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await Assertions.Expect(page.Locator("tr[data-subject='nouvelle.gestionnaire'][data-programme='voucher']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".govuk-error-summary").CountAsync());

        // Revoked in place as well.
        await site.HtmxAsync(() => page.Locator("tr[data-subject='nouvelle.gestionnaire'] button").ClickAsync());
        Assert.StartsWith("Rôle « Gestionnaire de dossier » (Chèques technologiques) retiré", await site.AnnouncedAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("tr[data-subject='nouvelle.gestionnaire']").CountAsync());
    }

    [ChromiumFact]
    public async Task The_form_of_a_workflow_action_adds_rows_in_place_and_shows_refusals_on_its_fields()
    {
        var site = await OpenAsync();
        await site.SignInAsync("Marc Delvaux");
        await site.OpenAsync("/Admin/Forms?workflow=label&transition=apply");
        var page = site.Page;

        await page.Locator("#input-commitments-0").FillAsync("Ouverture des données");
        await site.HtmxAsync(() => page.Locator("#input-commitments-add").ClickAsync());
        Assert.Equal("input-commitments-1", await site.FocusedAsync()); // the new row's field
        await page.Locator("#input-commitments-1").FillAsync("Accessibilité");

        await site.HtmxAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Vérifier la saisie" }).ClickAsync());
        Assert.Contains("govuk-error-summary", await site.FocusedAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Renseignez « Initiative : Nom de l'initiative »." }).ClickAsync();
        Assert.Equal("input-initiative-name", await site.FocusedAsync()); // the summary's link leads to the field
        Assert.Equal("Accessibilité", await page.Locator("#input-commitments-1").InputValueAsync());
    }

    private Task<SitePage> OpenAsync([CallerMemberName] string name = "") => SitePage.StartAsync(fixture, name);
}
