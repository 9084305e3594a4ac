using System.Text.Json;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>
/// What a person does on any page of the site (sign in through the local provider, switch language, sign out), with every
/// page visited checked by axe-core (WCAG 2.1 A and AA; serious or critical violations fail) and kept as a screenshot.
/// </summary>
public sealed class SitePage
{
    private readonly IPage page;
    private readonly BrowserFixture fixture;
    private readonly string testName;
    private readonly List<string> _scriptErrors = [];
    private int _shots;

    public SitePage(IPage page, BrowserFixture fixture, string testName)
    {
        this.page = page;
        this.fixture = fixture;
        this.testName = testName;
        // A script error breaks the page for everyone who relies on it (focus, announcements): it fails the test.
        page.PageError += (_, error) => _scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // Chromium also logs every 4xx answer, a refused form's 422 included: that is the server's word, not a script error.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _scriptErrors.Add(message.Text);
            }
        };
    }

    public IPage Page => page;

    /// <summary>A new browser context (its own cookies) on the site's landing page, checked.</summary>
    public static async Task<SitePage> StartAsync(BrowserFixture fixture, string name, string locale = "fr-BE")
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: the build machine runs several test suites at once on two cores.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var site = new SitePage(await context.NewPageAsync(), fixture, name);
        await site.OpenAsync("/");
        return site;
    }

    /// <summary>
    /// Does what triggers an htmx request (a click), then waits until its content is swapped, focused and announced
    /// (body[data-ready] again, Frontend/Scripts/dw.js) and checks the page with axe.
    /// </summary>
    public async Task HtmxAsync(Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.dwSettled = false; document.addEventListener('htmx:afterSettle', () => { window.dwSettled = true; }, { once: true }); }");
        await action();
        await page.WaitForFunctionAsync("() => window.dwSettled === true && document.body.dataset.ready === 'true'");
        await CheckedAsync();
    }

    /// <summary>The element that has focus: its id, or its class when it has none.</summary>
    public Task<string> FocusedAsync() =>
        page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.className");

    /// <summary>What the layout's status region last announced.</summary>
    public Task<string> AnnouncedAsync() => page.Locator("#status").InnerTextAsync();

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
        Assert.True(_scriptErrors.Count == 0, $"Script errors on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, _scriptErrors)}");
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }
}
