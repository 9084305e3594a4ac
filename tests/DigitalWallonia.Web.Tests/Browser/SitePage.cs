using System.Text.Json;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>
/// What a person does on any page of the site (sign in through the local provider, switch language, sign out), with every
/// page visited checked by axe-core (WCAG 2.1 A and AA; serious or critical violations fail) and kept as a screenshot.
/// </summary>
public sealed class SitePage(IPage page, BrowserFixture fixture, string testName)
{
    private int _shots;

    public IPage Page => page;

    public async Task OpenAsync(string path)
    {
        await page.GotoAsync(fixture.BaseUrl + path);
        await CheckedAsync();
    }

    /// <summary>From the header's sign-in link, through the provider's page, back to the person's home.</summary>
    public async Task SignInAsync(string personName, bool english = false)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = english ? "Sign in" : "Se connecter", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/identity/sign-in**");
        await CheckedAsync();
        await page.GetByLabel(personName, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(english ? "PIN" : "Code PIN", new() { Exact = true }).FillAsync(SignIn.DemoPeople.PinOf(personName));
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign in" : "Se connecter", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/identity/", StringComparison.Ordinal) && !url.Contains("/connect/", StringComparison.Ordinal)
            && !url.Contains("signin-oidc", StringComparison.Ordinal) && !url.Contains("/account/", StringComparison.Ordinal));
        await CheckedAsync();
    }

    public async Task SwitchLanguageAsync(string languageName)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = languageName, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await CheckedAsync();
    }

    public async Task SignOutAsync(bool english = false)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign out" : "Se déconnecter", Exact = true }).ClickAsync();
        // Through the provider's end-session endpoint and back home, where the sign-in link shows again.
        await page.GetByRole(AriaRole.Link, new() { Name = english ? "Sign in" : "Se connecter", Exact = true }).WaitForAsync();
        await CheckedAsync();
    }

    /// <summary>Checks the page the person is on now (after a click that navigated): axe-core and a screenshot.</summary>
    public Task CheckAsync() => CheckedAsync();

    /// <summary>A screenshot of the page as it is, under <paramref name="name"/> in the artefacts (for the README's tour).</summary>
    public Task ShotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(BrowserFixture.Artefacts, name), FullPage = false });

    public string Path => new Uri(page.Url).AbsolutePath;

    public Task<string?> LanguageAsync() => page.Locator("html").GetAttributeAsync("lang");

    public Task<string> HeadingAsync() => page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();

    /// <summary>Waits for the page, keeps a screenshot and runs axe-core (after a click that loaded a page).</summary>
    public async Task CheckedAsync()
    {
        await page.WaitForSelectorAsync("body[data-ready]");
        _shots++;
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(BrowserFixture.Artefacts, $"{testName}-{_shots:00}.png"), FullPage = true });
        await page.AddScriptTagAsync(new() { Content = fixture.AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }
}
