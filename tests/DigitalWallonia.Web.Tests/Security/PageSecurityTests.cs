using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.Admin;
using DigitalWallonia.Web.Tests.Forms;
using DigitalWallonia.Web.Tests.SignIn;

namespace DigitalWallonia.Web.Tests.Security;

/// <summary>What an attacker types comes back as text; a form posted from elsewhere is refused.</summary>
public class PageSecurityTests
{
    private const string Script = "<script>alert('dw')</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task A_name_from_the_identity_provider_with_markup_is_shown_as_text()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        // One more demonstration person, whose name the provider asserts with markup in it.
        await using var app = new AppHost(database, new Dictionary<string, string>
        {
            ["Identity:LocalProvider:Personas:10:Subject"] = "mallory",
            ["Identity:LocalProvider:Personas:10:Name"] = $"Mallory {Image}",
            ["Identity:LocalProvider:Personas:10:Pin"] = "6666",
            ["Identity:LocalProvider:Personas:10:Roles:0"] = "case-handler",
        });
        var mallory = app.Browser();

        var home = await SignInJourney.SignInAsync(mallory, "mallory", pin: "6666");
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");
        var roles = await admin.GetStringAsync(new Uri("/Admin/Roles", UriKind.Relative));

        foreach (var html in new[] { await home.Content.ReadAsStringAsync(), roles })
        {
            Assert.DoesNotContain(Image, html, StringComparison.Ordinal);
            Assert.Contains("Mallory &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_person_identifier_with_markup_typed_by_an_administrator_is_shown_as_text()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");

        var granted = await AdminForms.GrantAsync(admin, "/Admin/Roles",
            new Dictionary<string, string> { ["person"] = Script, ["role"] = "case-handler", ["programme"] = "*" });
        var log = await admin.GetStringAsync(new Uri("/Admin/Changes", UriKind.Relative));

        foreach (var html in new[] { await granted.Content.ReadAsStringAsync(), log })
        {
            Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#x27;dw&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_comment_with_markup_comes_back_as_text_when_refused_and_when_accepted()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");
        const string address = "/Admin/Forms?workflow=rentic&transition=refuse";
        var page = await AdminSession.ParseAsync(await admin.GetStringAsync(new Uri(address, UriKind.Relative)));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var comment = $"</textarea></pre>{Script}";

        var accepted = await admin.PostAsync(new Uri(address, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["input.reason"] = comment,
        }));
        var refused = await admin.PostAsync(new Uri(address, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["input.reason"] = comment + new string('x', 4001),
        }));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        foreach (var response in new[] { accepted, refused })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
            Assert.Contains("&lt;/textarea&gt;&lt;/pre&gt;&lt;script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/Admin/Roles?handler=Grant")]
    [InlineData("/Admin/Roles?handler=Revoke")]
    [InlineData("/Admin/Mandates?handler=Grant")]
    [InlineData("/Admin/Forms?workflow=rentic&transition=refuse")]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused(string address)
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");

        var response = await admin.PostAsync(new Uri(address, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["input.person"] = "mallory",
            ["input.role"] = "administrator",
            ["input.programme"] = "*",
            ["id"] = "1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
