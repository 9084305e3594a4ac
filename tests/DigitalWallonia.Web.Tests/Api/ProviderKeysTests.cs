using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.SignIn;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>
/// The local provider's keys are the same on every node, configured or kept in the database: a token or an authorization
/// code one node issued is accepted by another on the same database.
/// </summary>
public partial class ProviderKeysTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_token_issued_by_one_node_is_accepted_by_another_on_the_same_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);
        await using var first = ApiHost.Start(database);
        var dossier = await first.OpenDossierAsync(ApiHost.ClairesCompany);
        var token = await first.TokenAsync(ApiHost.ReaderClient, ApiHost.Secret, "dw.read");
        await using var second = ApiHost.Start(database);

        var read = await second.WithToken(token).GetAsync(new Uri($"/api/v1/dossiers/{dossier.Reference}", UriKind.Relative));
        var fromSecond = await second.TokenAsync(ApiHost.ReaderClient, ApiHost.Secret, "dw.read"); // the client's secret, registered again, still works
        var back = await first.WithToken(fromSecond).GetAsync(new Uri("/api/v1/dossiers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        await using var db = database.CreateContext();
        Assert.Equal([ProviderKey.Encryption, ProviderKey.Signing], await db.ProviderKeys.OrderBy(k => k.Purpose).Select(k => k.Purpose).ToListAsync());
    }

    [Fact]
    public async Task Keys_given_by_configuration_are_used_and_none_is_stored()
    {
        using var rsa = RSA.Create(2048);
        var settings = new Dictionary<string, string>
        {
            ["Identity:LocalProvider:SigningKey"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["Identity:LocalProvider:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Identity:LocalProvider:Issuer"] = "https://login.digitalwallonia.example",
        };
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database, settings);

        var token = await api.TokenAsync(ApiHost.ReaderClient, ApiHost.Secret, "dw.read");
        var read = await api.WithToken(token).GetAsync(new Uri("/api/v1/programmes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var parts = token.Split('.');
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Convert.FromBase64String(ClientCredentialsTests.Pad(parts[2])),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal("https://login.digitalwallonia.example/", JsonDocument.Parse(ClientCredentialsTests.Base64Url(parts[1])).RootElement.GetProperty("iss").GetString());
        await using var db = database.CreateContext();
        Assert.Empty(await db.ProviderKeys.ToListAsync());
    }

    [Fact]
    public async Task A_sign_in_started_on_one_node_is_completed_by_another_which_redeems_the_first_node_s_code()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var first = ApiHost.Start(database);
        await using var second = ApiHost.Start(database);
        var cookies = new CookieContainer();
        var onFirst = first.App.Browser(cookies, followRedirects: false);
        var onSecond = second.App.Browser(cookies, followRedirects: false);

        // On the first node: the app's challenge, the provider's authorization endpoint, its sign-in page, the choice.
        var page = await FollowAsync(onFirst, new Uri("/account/sign-in", UriKind.Relative), until: "/identity/sign-in");
        var html = await (await onFirst.GetAsync(page)).Content.ReadAsStringAsync();
        var chosen = await onFirst.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Subject"] = "luc.renard",
            ["Input.Pin"] = DemoPeople.PinOf("luc.renard"),
            ["Input.Level"] = Web.Identity.AssuranceLevels.High,
            ["ReturnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(html).Groups[1].Value),
            ["__RequestVerificationToken"] = SignInJourney.Token(html),
        }));
        var callback = await FollowAsync(onFirst, chosen.Headers.Location!, until: "/signin-oidc");
        // The code comes back to the second node, which redeems it at its own token endpoint.
        var home = await FollowAsync(onSecond, callback, until: "/Workspace");

        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync(home)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync(home)).StatusCode);
    }

    // Follows redirects by hand until the next address is under the path wanted, so the test chooses which node answers it.
    private static async Task<Uri> FollowAsync(HttpClient client, Uri start, string until)
    {
        var next = start;
        for (var hop = 0; hop < 10 && !next.OriginalString.Contains(until, StringComparison.Ordinal); hop++)
        {
            var response = await client.GetAsync(next);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{next}: {response.StatusCode}");
            next = response.Headers.Location!; // a redirect has a location
        }

        Assert.Contains(until, next.OriginalString, StringComparison.Ordinal);
        return next;
    }

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();
}
