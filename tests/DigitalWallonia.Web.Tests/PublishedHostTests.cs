using System.Net;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests;

/// <summary>The README's production recipe, run on a published folder: see <see cref="PublishedHost"/>.</summary>
public sealed class PublishedHostTests(PublishedHost host) : IClassFixture<PublishedHost>
{
    [PostgresFact]
    public async Task A_published_host_started_elsewhere_answers_health_with_200()
    {
        using var response = await host.Client.GetAsync("/health");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/health answered {response.StatusCode}:\n{host.Output}");
    }

    [PostgresFact]
    public async Task A_published_host_renders_the_landing_page_with_its_stylesheet()
    {
        var html = WebUtility.HtmlDecode(await host.Client.GetStringAsync("/"));

        Assert.Contains("Aides et labels numériques", html, StringComparison.Ordinal);
        Assert.Contains("data-programme=\"rentic\"", html, StringComparison.Ordinal);
        Assert.Contains("0 dossier(s)", html, StringComparison.Ordinal); // PostgreSQL never gets demo data
        Assert.Contains("/lib/dw/site.css?v=", html, StringComparison.Ordinal); // the version hash means wwwroot was found
        // The front end built from npm by the build (wwwroot/lib, not in git) is published with the host.
        foreach (var asset in new[] { "/lib/dw/site.css", "/lib/htmx/htmx.min.js", "/lib/govuk/govuk-frontend.min.js" })
        {
            using var response = await host.Client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {response.StatusCode}");
        }
    }

    [PostgresFact]
    public async Task A_published_host_reads_the_workflows_published_next_to_it()
    {
        await using var db = host.Database.CreateContext();

        var workflows = await db.PublishedWorkflows.Select(w => w.WorkflowId).Distinct().ToListAsync();

        Assert.Equal(["cyber", "cyber-professional", "label", "provider", "rentic", "reporting", "voucher"], workflows.Order(StringComparer.Ordinal));
    }
}
