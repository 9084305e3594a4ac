using System.Runtime.CompilerServices;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>
/// A company follows its dossiers in the portal, in chromium, every page checked by axe-core; the README's portal
/// screenshots are taken on the way (docs/images/portal-*.png).
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class PortalJourneyTests(DemoBrowserFixture fixture)
{
    private static string Images => Path.Combine(BrowserFixture.RepositoryRoot, "docs", "images");

    [ChromiumFact]
    public async Task Claire_sees_her_dossiers_in_plain_words_opens_the_granted_one_reads_why_and_downloads_the_letter_as_pdf()
    {
        // Forges de Wallonie applies again and a case handler grants it (the other journeys keep the demo's dossiers as they are).
        var reference = await Workspace.CompanySide.ApplyForRenticAsync(fixture.Services, 20_000m);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, new ActorActionFired("approve"),
                new Actor("luc.renard", "Luc Renard", ["case-handler"]), CancellationToken.None);
            Assert.True(report.Accepted, report.Rejection?.Message);
        }

        var site = await OpenAsync();
        await site.SignInAsync("Claire Dubois");
        var page = site.Page;
        Assert.Equal("/Portal", site.Path);
        await site.CheckAsync();

        // My dossiers: each in plain words, with what comes next and from whom.
        var row = page.Locator($"tr[data-reference='{reference}']");
        await Assertions.Expect(row.GetByTestId("status")).ToHaveTextAsync("Prime accordée — diagnostic à réaliser");
        await Assertions.Expect(row.GetByTestId("next")).ToContainTextAsync("À vous : déclarer l'étape réalisée");
        await Assertions.Expect(page.Locator("tr[data-reference] [data-testid=next]").Filter(new() { HasText = "Documents à envoyer au plus tard le" }).First).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Images, "portal-dossiers.png") });

        // The granted premium: the decision, why, the letter.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/Portal/Dossier/{reference}*");
        await site.CheckAsync();
        Assert.Equal($"Dossier {reference}", await site.HeadingAsync());
        await Assertions.Expect(page.GetByTestId("decision")).ToContainTextAsync("aide octroyée");
        await Assertions.Expect(page.GetByTestId("decision-facts")).ToContainTextAsync("Décret du 21 décembre 2016");
        await Assertions.Expect(page.GetByTestId("appeal")).ToContainTextAsync("Conseil d'État");
        await Assertions.Expect(page.GetByTestId("evaluation").First).ToContainTextAsync("Remplie");
        await page.EvaluateAsync("document.getElementById('decision').scrollIntoView()");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Images, "portal-decision.png") });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pdf").First.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await download.PathAsync();
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(file));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("10 000,00 €", text, StringComparison.Ordinal); // half the 20,000 EUR cost
    }

    private Task<SitePage> OpenAsync([CallerMemberName] string name = "") => fixture.OpenAsync(name);
}
