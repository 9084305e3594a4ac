using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.SignIn;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Workspace;

/// <summary>
/// The web host on a database with the demonstration dossiers, and a second case handler besides the demo's (Hugo Marchal),
/// so that reassigning and four-eyes have two people of the same role. Browsers sign in through the local provider.
/// </summary>
internal sealed class WorkspaceHost : IAsyncDisposable
{
    public const string SecondHandler = "hugo.marchal";

    private WorkspaceHost(TestDatabase database, AppHost app)
    {
        Database = database;
        App = app;
    }

    public TestDatabase Database { get; }

    public AppHost App { get; }

    public static async Task<WorkspaceHost> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.EmptyAsync(provider);
        var app = new AppHost(database, new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true",
            // PostgreSQL needs a key given (nodes share it); SQLite would make one.
            ["Audit:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Identity:LocalProvider:Personas:10:Subject"] = SecondHandler,
            ["Identity:LocalProvider:Personas:10:Name"] = "Hugo Marchal",
            ["Identity:LocalProvider:Personas:10:Roles:0"] = "case-handler",
        });
        _ = app.Server; // starts the host: migrations and the demo seed run before the first request
        return new WorkspaceHost(database, app);
    }

    public async Task<HttpClient> SignedInAsync(string subject)
    {
        var browser = App.Browser();
        var landed = await SignInJourney.SignInAsync(browser, subject);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        return browser;
    }

    /// <summary>A demo dossier's reference by programme and state.</summary>
    public async Task<string> ReferenceAsync(string programme, string state)
    {
        await using var db = Database.CreateContext();
        return await db.Dossiers.Where(d => d.Programme == programme && d.State == state).OrderBy(d => d.Id).Select(d => d.Reference).FirstAsync();
    }

    public PlatformDbContext Db() => Database.CreateContext();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Posting a page's form as a browser would: the page's anti-forgery token and the fields given.</summary>
internal static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string handler, params (string Name, string Value)[] fields)
    {
        var html = await (await browser.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", SignInJourney.Token(html)));
        return await browser.PostAsync(new Uri($"{page}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>The audit sequence a page was read at (its forms' hidden "seen").</summary>
    public static long Seen(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"seen\" value=\"(\\d+)\"");
        Assert.True(match.Success, "No 'seen' field in the page.");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
