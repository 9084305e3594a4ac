using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>A case handler's work in the workspace, in chromium, every page checked by axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkspaceJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_case_handler_finds_a_RENTIC_dossier_in_the_queue_reads_it_and_verifies_a_declared_figure()
    {
        var site = await OpenAsync();
        await site.SignInAsync("Luc Renard");
        var page = site.Page;

        // The queue, filtered to RENTIC dossiers under review: the filters land in the address.
        await page.GetByText("Filtres", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Programme", new() { Exact = true }).SelectOptionAsync("rentic");
        await page.GetByLabel("État", new() { Exact = true }).SelectOptionAsync("under-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }).ClickAsync();
        await page.WaitForURLAsync("**/Workspace?*programme=rentic*");
        await site.CheckAsync();
        Assert.Contains("state=under-review", page.Url, StringComparison.Ordinal);
        await site.ShotAsync("workspace-queue.png");
        var reference = await ReferenceAsync("rentic", "under-review");
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Workspace/Dossiers/{reference}");
        await page.WaitForSelectorAsync("body[data-diagram=drawn]");
        await site.CheckAsync();
        await Assertions.Expect(page.Locator("pre.mermaid svg")).ToBeVisibleAsync();
        await site.ShotAsync("workspace-dossier.png");

        // Verify the declared staff headcount, correcting it with a reason.
        var row = page.Locator("tr[data-fact='declaration.enterprise.staffHeadcount']");
        await row.Locator("summary").ClickAsync();
        await row.GetByLabel("Corriger").CheckAsync();
        await row.GetByLabel("Valeur corrigée").FillAsync("36");
        await row.GetByLabel("Motif").FillAsync("Bilan social 2025");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la vérification" }).ClickAsync();
        await page.WaitForURLAsync("**done=True**");
        await site.CheckAsync();
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("36");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToContainTextAsync("vérifié par luc.renard");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Donnée corrigée : declaration.enterprise.staffHeadcount, de 35 à 36 ; motif : Bilan social 2025");
    }

    [ChromiumFact]
    public async Task The_search_box_finds_a_dossier_by_reference_and_by_company_name()
    {
        var site = await OpenAsync();
        await site.SignInAsync("Luc Renard");
        var page = site.Page;
        var reference = await ReferenceAsync("rentic", "documents-requested");

        await page.GetByLabel("Rechercher un dossier").FillAsync(reference.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Workspace/Dossiers/{reference}");
        await site.CheckAsync();
        await page.GetByLabel("Rechercher un dossier").FillAsync("forges");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Workspace?q=forges");
        await site.CheckAsync();

        await Assertions.Expect(page.GetByTestId("queue")).ToContainTextAsync(reference);
    }

    private async Task<string> ReferenceAsync(string programme, string state)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Dossiers.Where(d => d.Programme == programme && d.State == state).OrderBy(d => d.Id).Select(d => d.Reference).FirstAsync();
    }

    private async Task<SitePage> OpenAsync([CallerMemberName] string name = "")
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "fr-BE", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var site = new SitePage(page, fixture, name);
        await site.OpenAsync("/");
        return site;
    }
}
