using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Tests.Workspace;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Portal;

/// <summary>The portal's programme pages and eligibility pre-check over HTTP, on the demo's companies and register extract.</summary>
[Collection(WorkspaceCollection.Name)]
public class ProgrammesPageTests
{
    [Fact]
    public async Task The_pre_check_runs_the_rule_sets_on_the_register_without_creating_a_dossier_and_only_for_the_persons_enterprises()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        int before;
        await using (var db = host.Db())
        {
            before = await db.Dossiers.CountAsync();
        }

        var claire = await host.SignedInAsync("claire.dubois");
        var list = WebUtility.HtmlDecode(await claire.GetStringAsync(new Uri("/Portal/Programmes", UriKind.Relative)));
        var voucher = WebUtility.HtmlDecode(await claire.GetStringAsync(new Uri("/Portal/Programmes/voucher?enterprise=0123456749", UriKind.Relative)));
        var notHers = await claire.GetAsync(new Uri("/Portal/Programmes/voucher?enterprise=0789012351", UriKind.Relative));
        var unknownProgramme = await claire.GetAsync(new Uri("/Portal/Programmes/lottery", UriKind.Relative));

        var sofia = await host.SignedInAsync("sofia.martin");
        var choice = WebUtility.HtmlDecode(await sofia.GetStringAsync(new Uri("/Portal/Programmes/rentic", UriKind.Relative)));
        // Namur Digital's registered activity is computer programming (NACE 62.010): RENTIC excludes the digital sector.
        var rentic = WebUtility.HtmlDecode(await sofia.GetStringAsync(new Uri("/Portal/Programmes/rentic?enterprise=0789.012.351", UriKind.Relative)));

        foreach (var programme in new[] { "voucher", "rentic", "cyber", "label" })
        {
            Assert.Contains($"data-testid=\"programme-{programme}\"", list, StringComparison.Ordinal);
        }

        Assert.Contains("Vous semblez éligible", voucher, StringComparison.Ordinal);
        Assert.Contains("Règle LegalForm, version", voucher, StringComparison.Ordinal);
        Assert.Contains("Règle WalloonSeat, version", voucher, StringComparison.Ordinal);
        Assert.Contains("href=\"/Portal/Apply/voucher/0123456749\"", voucher, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownProgramme.StatusCode);
        Assert.Contains("Namur Digital SA (BE 0789.012.351)", choice, StringComparison.Ordinal);
        Assert.Contains("Conseil Numérique SPRL (BE 0876.543.270)", choice, StringComparison.Ordinal);
        Assert.Contains("Vous ne semblez pas éligible", rentic, StringComparison.Ordinal);
        Assert.Contains("L'activité principale n'est pas dans le secteur numérique exclu par cette aide", rentic, StringComparison.Ordinal);
        Assert.DoesNotContain("Commencer la demande", rentic, StringComparison.Ordinal);
        await using var after = host.Db();
        Assert.Equal(before, await after.Dossiers.CountAsync());
    }
}
