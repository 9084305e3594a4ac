using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>A case handler's work in the workspace, in chromium, every page checked by axe-core.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class WorkspaceJourneyTests(DemoBrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_case_handler_finds_a_RENTIC_dossier_in_the_queue_reads_it_and_verifies_a_declared_figure()
    {
        var site = await OpenAsync();
        await site.SignInAsync("Luc Renard");
        var page = site.Page;
        await site.ShotAsync("workspace-queue.png");

        // The queue, filtered to RENTIC dossiers under review: the filters land in the address.
        await page.GetByText("Filtres", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Programme", new() { Exact = true }).SelectOptionAsync("rentic");
        await page.GetByLabel("État", new() { Exact = true }).SelectOptionAsync("under-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }).ClickAsync();
        await page.WaitForURLAsync("**/Workspace?*programme=rentic*");
        await site.CheckAsync();
        Assert.Contains("state=under-review", page.Url, StringComparison.Ordinal);
        var reference = await ReferenceAsync("rentic", "under-review");
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Workspace/Dossiers/{reference}");
        await page.WaitForSelectorAsync("body[data-diagram=drawn]");
        await site.CheckAsync();
        await Assertions.Expect(page.Locator("pre.mermaid svg")).ToBeVisibleAsync();
        await page.EvaluateAsync("document.getElementById('company').scrollIntoView()");
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
    public async Task A_RENTIC_premium_goes_from_the_queue_to_a_countersigned_grant_with_its_letter_and_first_instalment()
    {
        var reference = await Workspace.CompanySide.ApplyForRenticAsync(fixture.Services, 60_000m);
        var handler = await OpenAsync();
        await handler.SignInAsync("Luc Renard");
        var page = handler.Page;

        // Found from the queue by the company's name, among RENTIC dossiers.
        await page.GotoAsync(fixture.BaseUrl + "/Workspace?programme=rentic&name=forges&sort=Reference&desc=1");
        await handler.CheckAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Workspace/Dossiers/{reference}");
        await handler.CheckAsync();

        // Verifies a declared figure as it stands.
        var row = page.Locator("tr[data-fact='declaration.enterprise.annualTurnover']");
        await row.Locator("summary").ClickAsync();
        await row.GetByLabel("Motif").FillAsync("Comptes annuels 2025 (BNB)");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la vérification" }).ClickAsync();
        await page.WaitForURLAsync("**done=True**");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToContainTextAsync("vérifié par luc.renard");

        // Requests two named items with the form generated from the action's typed input (one row is there; a second is added).
        await ActAsync(handler, "request-documents", async () =>
        {
            await page.GetByLabel("Pièce", new() { Exact = true }).FillAsync("Devis signé par le prestataire");
            await page.GetByLabel("Ce qui est attendu").FillAsync("Détaillé par étape"); // "(facultatif)" follows
            await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ligne" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Pièce", new() { Exact = true })).ToHaveCountAsync(2);
            await page.GetByLabel("Pièce", new() { Exact = true }).Nth(1).FillAsync("Derniers comptes annuels");
        });
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("Documents demandés");
        await Assertions.Expect(page.GetByTestId("request").Locator("tbody tr")).ToHaveCountAsync(2);

        // The company answers item by item on its portal: a file too large is refused with the limit, said before upload.
        var company = await OpenAsync($"{nameof(A_RENTIC_premium_goes_from_the_queue_to_a_countersigned_grant_with_its_letter_and_first_instalment)}-company");
        await company.SignInAsync("Claire Dubois");
        await company.Page.GotoAsync($"{fixture.BaseUrl}/Portal/Requests/{reference}");
        await company.CheckAsync();
        await Assertions.Expect(company.Page.GetByTestId("limits")).ToHaveTextAsync("Fichiers acceptés : PDF, JPEG, PNG, 10 Mo au plus par fichier, 5 fichiers au plus par envoi.");
        var first = company.Page.Locator("li[data-item='0']");
        await first.GetByLabel("Choisir les fichiers pour « Devis signé par le prestataire »")
            .SetInputFilesAsync(new FilePayload { Name = "devis.pdf", MimeType = "application/pdf", Buffer = new byte[10 * 1024 * 1024 + 1] });
        await first.GetByRole(AriaRole.Button, new() { Name = "Envoyer « Devis signé par le prestataire »" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByTestId("error-summary")).ToContainTextAsync("Le fichier « devis.pdf » est trop volumineux : 10 Mo au plus par fichier");
        await company.CheckAsync();
        await AnswerAsync(company, 0, "Devis signé par le prestataire", "devis.pdf");
        await Assertions.Expect(company.Page.GetByTestId("answered")).ToContainTextAsync("Pièces encore à envoyer : 1.");
        await Assertions.Expect(first.GetByTestId("status")).ToHaveTextAsync("Envoyée");
        await Assertions.Expect(first).ToContainTextAsync("devis.pdf (15 octets), envoyé le");
        await company.ShotAsync("portal-document-request.png");
        await AnswerAsync(company, 1, "Derniers comptes annuels", "comptes-2025.pdf");
        await Assertions.Expect(company.Page.GetByTestId("resumed")).ToBeVisibleAsync();

        // The dossier resumed by itself; the handler sees it under review again.
        await page.ReloadAsync();
        await handler.CheckAsync();
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("En cours d'examen");
        await Assertions.Expect(page.GetByTestId("documents")).ToContainTextAsync("comptes-2025.pdf");

        // Proposes the grant: above the threshold it waits for a second approver, and the proposer is told so.
        await ActAsync(handler, "approve", () => Task.CompletedTask);
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("En attente du second approbateur");
        await Assertions.Expect(page.GetByTestId("four-eyes")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("no-action")).ToBeVisibleAsync();

        // A supervisor countersigns: the decision letter is on the timeline.
        var supervisor = await OpenAsync($"{nameof(A_RENTIC_premium_goes_from_the_queue_to_a_countersigned_grant_with_its_letter_and_first_instalment)}-supervisor");
        await supervisor.SignInAsync("Anne Lambert");
        await supervisor.Page.GetByRole(AriaRole.Link, new() { Name = "En attente de mon approbation" }).ClickAsync();
        await supervisor.Page.WaitForURLAsync("**view=AwaitingMyApproval**");
        await supervisor.CheckAsync();
        await supervisor.Page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await supervisor.Page.WaitForURLAsync($"**/Workspace/Dossiers/{reference}");
        await Assertions.Expect(supervisor.Page.GetByTestId("proposal")).ToContainTextAsync("Proposé par luc.renard");
        await ActAsync(supervisor, "countersign", () => Task.CompletedTask);
        await Assertions.Expect(supervisor.Page.GetByTestId("state")).ToHaveTextAsync("Accordée – diagnostic en cours");
        await Assertions.Expect(supervisor.Page.GetByTestId("documents")).ToContainTextAsync("decision-letter");
        await Assertions.Expect(supervisor.Page.GetByTestId("decisions")).ToContainTextAsync("contresignée par anne.lambert");

        // The company declares its diagnosis, the handler validates it: the first instalment is planned.
        await Workspace.CompanySide.ActAsync(fixture.Services, reference, "declare-milestone",
            ("diagnosis", new { invoicedAmount = 9_000, invoiceDate = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
        await page.ReloadAsync();
        await ActAsync(handler, "validate-milestone", () => Task.CompletedTask);
        await Assertions.Expect(page.GetByTestId("instalments")).ToContainTextAsync("diagnosis : 4 500,00 € — prévue");
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

    [ChromiumFact]
    public async Task The_staff_pages_list_failing_mail_deadlines_and_preview_a_template_with_a_dossier()
    {
        var site = await OpenAsync();
        await site.SignInAsync("Anne Lambert");
        var reference = await ReferenceAsync("rentic", "documents-requested");

        await site.OpenAsync("/Workspace/Outbox");
        await site.OpenAsync("/Workspace/Deadlines?days=90");
        await Assertions.Expect(site.Page.GetByTestId("upcoming")).ToContainTextAsync(reference);
        await site.OpenAsync($"/Workspace/Templates?template=rentic-documents-requested&dossier={reference}");
        await Assertions.Expect(site.Page.GetByTestId("subject")).Not.ToBeEmptyAsync();
    }

    // Opens the action's form from the dossier page, fills it, confirms it and waits for the page to come back.
    private static async Task ActAsync(SitePage site, string action, Func<Task> fill)
    {
        var page = site.Page;
        await page.Locator($"a[href*='act={action}']").ClickAsync();
        await page.WaitForURLAsync($"**act={action}**");
        await site.CheckAsync();
        await fill();
        await page.GetByTestId("act-submit").ClickAsync();
        await page.WaitForURLAsync("**done=True**");
        await site.CheckAsync();
    }

    // A small PDF chosen for an item of the request and sent; the page comes back with its banner.
    private static async Task AnswerAsync(SitePage company, int item, string label, string fileName)
    {
        var row = company.Page.Locator($"li[data-item='{item}']");
        await row.GetByLabel($"Choisir les fichiers pour « {label} »")
            .SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = "%PDF-1.7\n%demo\n"u8.ToArray() });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Envoyer « {label} »" }).ClickAsync();
        await company.Page.WaitForURLAsync("**/Portal/Requests/**?*");
        await company.CheckAsync();
    }

    private async Task<string> ReferenceAsync(string programme, string state)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Dossiers.Where(d => d.Programme == programme && d.State == state).OrderBy(d => d.Id).Select(d => d.Reference).FirstAsync();
    }

    private Task<SitePage> OpenAsync([CallerMemberName] string name = "") => fixture.OpenAsync(name);
}
