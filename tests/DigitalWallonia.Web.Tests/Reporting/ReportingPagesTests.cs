using System.Net;
using System.Text.Json;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.SignIn;

namespace DigitalWallonia.Web.Tests.Reporting;

/// <summary>The reporting pages over HTTP: what is public, what is not, and what the published values look like there.</summary>
public class ReportingPagesTests
{
    [Fact]
    public async Task The_public_pages_and_the_open_data_answer_without_sign_in_while_the_staff_pages_do_not()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var browser = app.Browser(followRedirects: false);

        foreach (var page in new[] { "/reporting", "/reporting/measures/M13", "/reporting/carriers", "/reporting/export.csv", "/reporting/export.json",
                     "/reporting/datapackage.json", "/reporting/dcat.jsonld" })
        {
            Assert.Equal((page, HttpStatusCode.OK), (page, (await browser.GetAsync(new Uri(page, UriKind.Relative))).StatusCode));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri("/reporting/measures/M99", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("/Reporting/Agency/Cycles/yearly/2026", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("/Reporting/Carrier/Tasks/yearly/2026/M1", UriKind.Relative))).StatusCode);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/reporting", UriKind.Relative)));
        Assert.Contains("M50", html, StringComparison.Ordinal); // the plan loaded from reporting/ at start-up
        Assert.Contains("Aucun cycle de rapportage n'est encore publié", html, StringComparison.Ordinal);
        var csv = await browser.GetAsync(new Uri("/reporting/export.csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("measure_id,measure_title,theme,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var dcat = JsonDocument.Parse(await browser.GetStringAsync(new Uri("/reporting/dcat.jsonld", UriKind.Relative)));
        Assert.Equal("dcat:Dataset", dcat.RootElement.GetProperty("@graph")[1].GetProperty("@type").GetString());
        Assert.Equal("http://localhost/reporting/export.csv",
            dcat.RootElement.GetProperty("@graph")[1].GetProperty("dcat:distribution")[0].GetProperty("dcat:downloadURL").GetProperty("@id").GetString());
    }

    [Fact]
    public async Task A_published_value_is_shown_in_fr_BE_and_in_English_formats_and_exported_as_written_the_invariant_way()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var services = app.Services;
        await ReportingData.AddReporterAsync(services, "adn", "seed.reporter", "Seed Reporter");
        var cycle = await ReportingData.OpenYearlyAsync(services, 2025);
        await ReportingData.SubmitAndValidateAsync(services, cycle, "M1", Assessments.OnTrack,
            new SubmittedValue("M1.1") { Number = 1250.5m, Source = "Registre" },
            new SubmittedValue("M1.3") { Number = 64.5m, Source = "Statistiques" });
        var browser = app.Browser();
        // Cached for anonymous readers until the next publication, which any node sees at the next request.
        var beforePublication = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/reporting/measures/M1", UriKind.Relative)));
        await ReportingData.PublishAsync(services, cycle);

        var french = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/reporting/measures/M1", UriKind.Relative)));
        await browser.GetAsync(new Uri("/language/en?returnUrl=/", UriKind.Relative));
        var english = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/reporting/measures/M1", UriKind.Relative)));
        var csv = await browser.GetStringAsync(new Uri("/reporting/export.csv", UriKind.Relative));

        Assert.DoesNotContain("1\u202F250,5", beforePublication, StringComparison.Ordinal); // validated is not published
        Assert.Contains("1\u202F250,5\u00A0ambassadeurs", french, StringComparison.Ordinal); // fr-BE: narrow no-break space, decimal comma
        Assert.Contains("64,5\u00A0%", french, StringComparison.Ordinal);
        Assert.Contains("En bonne voie", french, StringComparison.Ordinal);
        Assert.Contains("1,250.5\u00A0ambassadeurs", english, StringComparison.Ordinal);
        Assert.Contains("64.5%", english, StringComparison.Ordinal);
        Assert.Contains("On track", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", english, StringComparison.Ordinal); // the plan's French wording is marked as such
        Assert.Contains("M1,", csv, StringComparison.Ordinal);
        Assert.Contains(",1250.5,", csv, StringComparison.Ordinal);
        Assert.Contains(",64.5,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carrier_sees_only_the_tasks_of_the_carriers_it_reports_for()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var services = app.Services;
        var cycle = await ReportingData.OpenYearlyAsync(services, 2025);
        await ReportingData.AddReporterAsync(services, "adn", "thomas.gilson", "Thomas Gilson");
        var browser = app.Browser();

        var landed = await SignInJourney.SignInAsync(browser, "thomas.gilson");
        var own = await browser.GetAsync(new Uri("/Reporting/Carrier/Tasks/yearly/2025/M24", UriKind.Relative)); // the AdN's
        var foreign = await browser.GetAsync(new Uri("/Reporting/Carrier/Tasks/yearly/2025/M19", UriKind.Relative)); // the SPW's
        var list = WebUtility.HtmlDecode(await landed.Content.ReadAsStringAsync());

        Assert.Equal("/Reporting/Carrier", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Agence du Numérique", list, StringComparison.Ordinal);
        Assert.Contains(await ReportingData.ReferenceAsync(services, cycle, "M24"), list, StringComparison.Ordinal);
        Assert.DoesNotContain(await ReportingData.ReferenceAsync(services, cycle, "M19"), list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("/Reporting/Agency", UriKind.Relative))).StatusCode);
    }
}
