using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Hosting;
using DigitalWallonia.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.SignIn;

public class SignInTests
{
    [Fact]
    public async Task The_landing_page_is_open_to_anonymous_visitors_in_French_by_default()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);

        var response = await app.Browser().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main-content\" class=\"govuk-skip-link\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GOV.UK", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_keeps_English_in_a_cookie_and_the_pages_follow_it()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var browser = app.Browser();

        var response = await browser.GetAsync(new Uri("/language/en?returnUrl=%2F", UriKind.Relative));

        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Digital grants and labels", html, StringComparison.Ordinal);
        var back = await (await browser.GetAsync(new Uri("/language/fr?returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\"", back, StringComparison.Ordinal); // and a foreign return address led home, not away
    }

    [Theory]
    [InlineData("/Workspace")]
    [InlineData("/Portal")]
    [InlineData("/Studio")]
    [InlineData("/Admin")]
    [InlineData("/Reporting/Agency")]
    [InlineData("/Reporting/Carrier")]
    [InlineData("/Reporting/Plan")]
    public async Task An_audience_page_sends_an_anonymous_visitor_to_sign_in(string page)
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);

        var response = await app.Browser(followRedirects: false).GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Signing_in_starts_the_code_flow_with_PKCE_asking_for_the_accepted_level()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);

        var response = await app.Browser(followRedirects: false).GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/connect/authorize", location.AbsolutePath);
        Assert.Contains("response_type=code", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
        Assert.Contains("acr_values=" + Uri.EscapeDataString(AssuranceLevels.High), location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("luc.renard", "/Workspace")]
    [InlineData("anne.lambert", "/Workspace")]
    [InlineData("isabelle.hennaux", "/Workspace")]
    [InlineData("nadia.benali", "/Studio")]
    [InlineData("agence.numerique", "/Reporting/Agency")]
    [InlineData("admin", "/Admin")]
    [InlineData("claire.dubois", "/Portal")]
    [InlineData("thomas.gilson", "/Reporting/Carrier")]
    public async Task Each_person_lands_on_the_home_of_their_role(string subject, string home)
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);

        var landed = await SignInJourney.SignInAsync(app.Browser(), subject);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal(home, landed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_company_representative_s_mandates_are_kept_in_the_app_s_table_and_shown_on_the_portal()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);

        var landed = await SignInJourney.SignInAsync(app.Browser(), "sofia.martin");

        var html = await landed.Content.ReadAsStringAsync();
        Assert.Contains("BE 0789012351", html, StringComparison.Ordinal);
        Assert.Contains("BE 0876543270", html, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(["0789012351", "0876543270"],
            await db.Mandates.Where(m => m.Subject == "sofia.martin").OrderBy(m => m.EnterpriseNumber).Select(m => m.EnterpriseNumber).ToListAsync());
        Assert.Empty(await db.StaffRoleGrants.Where(g => g.Subject == "sofia.martin").ToListAsync());
    }

    [Fact]
    public async Task A_sign_in_at_a_level_the_app_does_not_accept_is_refused()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var browser = app.Browser();

        var refused = await SignInJourney.SignInAsync(browser, "claire.dubois", AssuranceLevels.Low);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("/account/refused", refused.RequestMessage!.RequestUri!.AbsolutePath);
        var portal = await app.Browser(followRedirects: false).GetAsync(new Uri("/Portal", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode); // still anonymous
    }

    [Fact]
    public async Task A_person_without_the_role_of_a_folder_gets_403()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var browser = app.Browser();
        await SignInJourney.SignInAsync(browser, "claire.dubois");

        var workspace = await browser.GetAsync(new Uri("/Workspace", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, workspace.StatusCode);
    }

    [Fact]
    public async Task Forms_without_their_anti_forgery_token_are_refused()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var browser = app.Browser(followRedirects: false);

        var signIn = await browser.PostAsync(new Uri("/identity/sign-in", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Subject"] = "admin" }));
        var signOut = await browser.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_with_the_app_and_the_provider()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var browser = app.Browser();
        var home = await SignInJourney.SignInAsync(browser, "luc.renard");

        var signedOut = await browser.PostAsync(new Uri("/account/sign-out", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignInJourney.Token(await home.Content.ReadAsStringAsync()) }));

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        // Both sessions are gone: the workspace asks for a sign-in again, and the provider shows its page again.
        var again = await browser.GetAsync(new Uri("/Workspace", UriKind.Relative));
        Assert.Equal("/identity/sign-in", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_session_started_on_one_node_continues_on_another_with_the_same_database()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        var cookies = new CookieContainer();
        await using var first = new AppHost(database);
        await SignInJourney.SignInAsync(first.Browser(cookies), "nadia.benali");
        await using var second = new AppHost(database);

        var studio = await second.Browser(cookies, followRedirects: false).GetAsync(new Uri("/Studio", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, studio.StatusCode);
    }

    [Fact]
    public async Task With_the_local_provider_off_its_pages_and_endpoints_answer_404()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        // Built directly rather than through WebApplicationFactory, whose settings arrive after the host's services are chosen.
        await using var app = DigitalWalloniaWeb.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:Default"] = database.ConnectionString,
                ["Seed:Demo"] = "false",
                ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "dw-test-keys", Guid.NewGuid().ToString("N"), "audit.key"),
                ["Identity:LocalProvider:Enabled"] = "false",
                ["Authentication:Authority"] = "https://idp.example/",
                ["Authentication:ClientId"] = "digitalwallonia",
            });
        });
        await app.StartAsync();
        var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/identity/sign-in", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/connect/authorize", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative))).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Without_the_local_provider_the_host_refuses_to_start_without_an_authority()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DigitalWalloniaWeb.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Identity:LocalProvider:Enabled"] = "false" })));

        Assert.Contains("Authentication:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_s_sign_in_page_is_rate_limited_per_client()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database, new Dictionary<string, string> { ["RateLimits:SignInPerMinute"] = "2" });
        var browser = app.Browser(followRedirects: false);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.GetAsync(new Uri("/identity/sign-in", UriKind.Relative))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_personas_staff_roles_are_granted_in_the_app_s_own_table_once()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        for (var i = 0; i < 2; i++)
        {
            await using var app = new AppHost(database);
            await app.Browser().GetAsync(new Uri("/health", UriKind.Relative));
        }

        await using var db = database.CreateContext();
        var grants = await db.StaffRoleGrants.Select(g => g.Subject + "=" + g.Role).ToListAsync();
        Assert.Equal(grants.Distinct().Count(), grants.Count);
        Assert.Contains("luc.renard=case-handler", grants);
        Assert.Contains("admin=administrator", grants);
    }
}
