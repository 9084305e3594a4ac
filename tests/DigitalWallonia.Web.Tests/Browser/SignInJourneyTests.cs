using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_case_handler_signs_in_through_the_local_provider_in_French_and_out_again()
    {
        var site = await OpenAsync();

        await site.SignInAsync("Luc Renard");

        Assert.Equal("/Workspace", site.Path);
        Assert.Equal("fr", await site.LanguageAsync());
        Assert.Equal("Espace de traitement", await site.HeadingAsync());
        await site.SignOutAsync();
        Assert.Equal("/", site.Path);
        await Assertions.Expect(site.Page.GetByRole(AriaRole.Link, new() { Name = "Se connecter", Exact = true })).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task A_company_representative_switches_to_English_and_signs_in_in_English()
    {
        var site = await OpenAsync();

        await site.SwitchLanguageAsync("English");
        Assert.Equal("en", await site.LanguageAsync());
        await site.SignInAsync("Claire Dubois", english: true);

        Assert.Equal("/Portal", site.Path);
        Assert.Equal("en", await site.LanguageAsync());
        Assert.Equal("Company portal", await site.HeadingAsync());
        await site.SwitchLanguageAsync("Français");
        Assert.Equal("fr", await site.LanguageAsync());
        Assert.Equal("Portail des entreprises", await site.HeadingAsync());
        await site.SignOutAsync();
    }

    [ChromiumTheory]
    [InlineData("Anne Lambert", "/Workspace")]
    [InlineData("Nadia Benali", "/Studio")]
    [InlineData("Isabelle Hennaux", "/Workspace")]
    [InlineData("Thomas Gilson", "/Reporting/Carrier")]
    [InlineData("Julie Fontaine", "/Reporting/Agency")]
    [InlineData("Marc Delvaux", "/Admin")]
    public async Task Each_role_lands_on_its_home(string person, string home)
    {
        var site = await OpenAsync($"{nameof(Each_role_lands_on_its_home)}-{home.Trim('/')}-{person.Replace(' ', '-')}");

        await site.SignInAsync(person);

        Assert.Equal(home, site.Path);
    }

    [ChromiumFact]
    public async Task A_session_started_on_one_node_continues_on_another_node_of_the_same_database()
    {
        var site = await OpenAsync();
        await site.SignInAsync("Pierre Collard");
        Assert.Equal("/Studio", site.Path);
        var second = await fixture.StartNodeAsync();
        try
        {
            // Another port of the same host name: the browser sends the same session cookie, which the second node reads
            // with the Data Protection keys both find in the database.
            await site.Page.GotoAsync(second.Urls.Single() + "/Studio");
            await site.CheckedAsync();

            Assert.Equal("/Studio", site.Path);
            Assert.Equal("Atelier des règles", await site.HeadingAsync());
            Assert.Contains("Pierre Collard", await site.Page.GetByTestId("signed-in-as").InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

    private Task<SitePage> OpenAsync([CallerMemberName] string name = "") => SitePage.StartAsync(fixture, name);
}
