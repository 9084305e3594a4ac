using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Tests.Reporting;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>
/// A carrier's report from sign-in to submission (with an error corrected on the way), the agency's validation and
/// publication, and the public pages anyone reads, in French and in English: axe-core on every page, charts drawn by
/// ECharts with their tables, and the README's screenshots taken on the way (docs/images/reporting-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportingJourneyTests(BrowserFixture fixture)
{
    private static string Images => Path.Combine(BrowserFixture.RepositoryRoot, "docs", "images");

    [ChromiumFact]
    public async Task A_carrier_submits_its_report_the_agency_publishes_it_and_anyone_reads_it_on_the_public_pages()
    {
        var services = fixture.Services;
        await ReportingData.AddReporterAsync(services, "adn", "thomas.gilson", "Thomas Gilson");
        // Last year's cycle: the latest published once this test publishes it (the demo's is the year before).
        var year = DateTime.UtcNow.Year - 1;
        var cycle = await ReportingData.OpenYearlyAsync(services, year);
        var site = await OpenAsync();

        // Sign in as the carrier: the home lists the AdN's tasks of the cycle.
        await site.SignInAsync("Thomas Gilson");
        Assert.Equal("/Reporting/Carrier", site.Path);
        await site.Page.GetByRole(AriaRole.Link, new() { Name = "M24", Exact = true }).First.ClickAsync();
        await site.CheckedAsync();
        Assert.Equal($"Rapport {year} — M24", await site.HeadingAsync());

        // A value without its source: the error summary links to the field, nothing is stored.
        var m241 = site.Page.Locator("fieldset[data-indicator='M24.1']");
        await m241.GetByLabel("Oui", new() { Exact = true }).CheckAsync();
        await m241.GetByLabel("Source", new() { Exact = true }).FillAsync("Arrêté de création du lab");
        var m242 = site.Page.Locator("fieldset[data-indicator='M24.2']");
        await m242.GetByLabel("Valeur (appels)").FillAsync("4");
        await site.Page.Locator("fieldset[data-indicator='M24.3']").GetByLabel("Pourquoi aucune valeur (à la place d'une valeur)").FillAsync("Pas encore décidé.");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Transmettre le rapport" }).ClickAsync();
        await site.CheckedAsync();
        var summary = site.Page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("M24.2 : Indiquez la source de la valeur.");
        await site.Page.ScreenshotAsync(new() { Path = Path.Combine(Images, "reporting-carrier-error.png"), FullPage = false });

        await summary.GetByRole(AriaRole.Link, new() { Name = "M24.2 : Indiquez la source de la valeur." }).ClickAsync();
        await m242.GetByLabel("Source", new() { Exact = true }).FillAsync("Portail des appels à projets");
        await m242.GetByLabel("Commentaire").FillAsync("Un appel conjoint compté une fois");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Transmettre le rapport" }).ClickAsync();
        await site.CheckedAsync();
        await Assertions.Expect(site.Page.GetByText("Rapport transmis à l'Agence du Numérique.")).ToBeVisibleAsync();
        await Assertions.Expect(site.Page.GetByTestId("state")).ToHaveTextAsync("Transmis, à valider");
        await Assertions.Expect(site.Page.GetByTestId("submission-1")).ToContainTextAsync("Portail des appels à projets");
        await site.Page.ScreenshotAsync(new() { Path = Path.Combine(Images, "reporting-carrier.png"), FullPage = true });
        await site.SignOutAsync();

        // The agency validates and publishes (its own pages are tested elsewhere); the other tasks close as not reported.
        await ReportingData.ValidateAsync(services, await ReportingData.ReferenceAsync(services, cycle, "M24"), Assessments.OnTrack);
        await ReportingData.PublishAsync(services, cycle);

        // The public pages, without signing in.
        await site.OpenAsync("/reporting");
        await site.Page.WaitForSelectorAsync("body[data-charts=drawn]");
        // ECharts' ARIA: the chart is an image whose label is the description the page wrote (the same data as the table below it).
        await Assertions.Expect(site.Page.GetByTestId("chart-computed")).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(site.Page.GetByTestId("chart-computed")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Progression calculée par thème \\(%\\)\\. 1\\. Secteur numérique : "));
        var row = site.Page.Locator("tr[data-measure='M24']");
        await Assertions.Expect(row.GetByTestId("declared")).ToContainTextAsync("En bonne voie");
        await Assertions.Expect(row.GetByTestId("computed")).ToHaveTextAsync("100\u00A0%"); // M24.1 done (target yes); M24.2 has no target; M24.3 no value
        await site.Page.ScreenshotAsync(new() { Path = Path.Combine(Images, "reporting.png"), FullPage = false });

        await row.GetByRole(AriaRole.Link, new() { Name = "M24" }).ClickAsync();
        await site.CheckedAsync();
        await site.Page.WaitForSelectorAsync("body[data-charts=drawn]");
        await Assertions.Expect(site.Page.GetByTestId("history-M24.2")).ToContainTextAsync("4\u00A0appels");
        await Assertions.Expect(site.Page.GetByTestId("history-M24.2")).ToContainTextAsync("Portail des appels à projets");
        await Assertions.Expect(site.Page.GetByTestId("history-M24.3")).ToContainTextAsync("Pas de valeur : Pas encore décidé.");
        await Assertions.Expect(site.Page.GetByTestId("declared")).ToContainTextAsync("En bonne voie");
        await site.Page.ScreenshotAsync(new() { Path = Path.Combine(Images, "reporting-measure.png"), FullPage = false });

        await site.OpenAsync("/reporting/carriers");
        await Assertions.Expect(site.Page.GetByTestId("carrier-adn")).ToContainTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await site.SwitchLanguageAsync("English");
        Assert.Equal("Measure carriers' accountability", await site.HeadingAsync());
        await site.OpenAsync("/reporting/measures/M24");
        await Assertions.Expect(site.Page.GetByTestId("declared")).ToContainTextAsync("On track");
    }

    private async Task<SitePage> OpenAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "fr-BE", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var site = new SitePage(page, fixture, nameof(ReportingJourneyTests));
        await site.OpenAsync("/");
        return site;
    }
}
