using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;

namespace DigitalWallonia.Web.Tests.SignIn;

/// <summary>
/// Companies sign in at one provider (FAS), staff at another (the Region's) when Authentication:Staff is configured; here
/// both are the local provider, reached through the two schemes and their own callback addresses.
/// </summary>
public class StaffProviderTests
{
    private static readonly Dictionary<string, string> StaffProvider = new()
    {
        ["Authentication:Staff:Authority"] = "http://localhost/",
        ["Authentication:Staff:ClientId"] = "digitalwallonia-web",
        ["Authentication:Staff:RequireHttpsMetadata"] = "false",
    };

    [Fact]
    public async Task With_a_staff_provider_signing_in_asks_first_whether_for_a_company_or_as_staff()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database, StaffProvider);

        var choice = await app.Browser().GetAsync(new Uri("/account/sign-in?returnUrl=%2FWorkspace", UriKind.Relative));

        Assert.Equal("/account/choose", choice.RequestMessage!.RequestUri!.AbsolutePath);
        var html = WebUtility.HtmlDecode(await choice.Content.ReadAsStringAsync());
        Assert.Contains("href=\"/account/sign-in/companies?returnUrl=%2FWorkspace\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in/staff?returnUrl=%2FWorkspace\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_sign_in_at_the_staff_provider_with_its_own_callback_and_no_mandates_asked()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database, StaffProvider);

        var staff = await app.Browser(followRedirects: false).GetAsync(new Uri("/account/sign-in/staff", UriKind.Relative));
        var companies = await app.Browser(followRedirects: false).GetAsync(new Uri("/account/sign-in/companies", UriKind.Relative));

        var staffQuery = WebUtility.UrlDecode(staff.Headers.Location!.Query);
        Assert.Contains("redirect_uri=http://localhost/signin-oidc-staff", staffQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("mandates", staffQuery, StringComparison.Ordinal);
        var companiesQuery = WebUtility.UrlDecode(companies.Headers.Location!.Query);
        Assert.Contains("redirect_uri=http://localhost/signin-oidc&", companiesQuery, StringComparison.Ordinal);
        Assert.Contains("mandates", companiesQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_handler_signs_in_through_the_staff_provider_and_out_again_there()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database, StaffProvider);
        var cookies = new CookieContainer();
        var browser = app.Browser(cookies);

        var home = await SignInJourney.SignInAsync(browser, "luc.renard", start: "/account/sign-in/staff");
        Assert.Equal("/Workspace", home.RequestMessage!.RequestUri!.AbsolutePath);

        var signingOut = await app.Browser(cookies, followRedirects: false).PostAsync(new Uri("/account/sign-out", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignInJourney.Token(await home.Content.ReadAsStringAsync()) }));

        Assert.Contains("post_logout_redirect_uri=http://localhost/signout-callback-oidc-staff",
            WebUtility.UrlDecode(signingOut.Headers.Location!.Query), StringComparison.Ordinal);
        var signedOut = await browser.GetAsync(signingOut.Headers.Location);
        Assert.Equal("/", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        var again = await browser.GetAsync(new Uri("/Workspace", UriKind.Relative));
        Assert.Equal("/account/choose", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_staff_provider_without_a_client_id_stops_the_host_at_start()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database, new Dictionary<string, string> { ["Authentication:Staff:Authority"] = "https://sso.wallonie.test/" });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Authentication:Staff:ClientId", error.ToString(), StringComparison.Ordinal);
    }
}
