using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.SignIn;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Workspace;

/// <summary>
/// The web host on a database with the demonstration dossiers; browsers sign in through the local provider as the demo
/// people (two case handlers, Luc Renard and Hugo Marchal, for reassigning and four-eyes).
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
        });
        _ = app.Server; // starts the host: migrations and the demo seed run before the first request
        return new WorkspaceHost(database, app);
    }

    public async Task<HttpClient> SignedInAsync(string subject)
    {
        var browser = App.Browser();
        // Each test starts a host and seeds the demo: on a busy two-core machine a request may wait its turn a while.
        browser.Timeout = TimeSpan.FromMinutes(5);
        var landed = await SignInJourney.SignInAsync(browser, subject);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        return browser;
    }

    /// <summary>A demo dossier's reference by programme and state.</summary>
    public async Task<string> ReferenceAsync(string programme, string state)
    {
        await using var db = Database.CreateContext();
        var found = await db.Dossiers.Where(d => d.Programme == programme && d.State == state).OrderBy(d => d.Id).Select(d => d.Reference).FirstOrDefaultAsync();
        return found ?? throw new InvalidOperationException($"No {programme} dossier in state {state}; the dossiers are: "
            + string.Join(", ", await db.Dossiers.Where(d => d.Programme != "reporting").Select(d => d.Reference + " " + d.State).ToListAsync())
            + "; the failed evaluations: " + string.Join(" | ", await db.EvaluationSnapshots.Where(e => !e.Passed).Select(e => e.RuleSet + " " + e.RuleResultsJson).Take(3).ToListAsync()));
    }

    public PlatformDbContext Db() => Database.CreateContext();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>The workspace's HTTP tests run one class at a time: each starts a host and seeds the demo dossiers.</summary>
[CollectionDefinition(Name)]
public sealed class WorkspaceCollection
{
    public const string Name = "workspace";
}

/// <summary>Posting a page's form as a browser would: the page's anti-forgery token and the fields given.</summary>
internal static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string handler, params (string Name, string Value)[] fields)
    {
        var html = await (await browser.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", SignInJourney.Token(html)));
        var address = $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await browser.PostAsync(new Uri(address, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>The audit sequence a page was read at (its forms' hidden "seen").</summary>
    public static long Seen(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"seen\" value=\"(\\d+)\"");
        Assert.True(match.Success, "No 'seen' field in the page.");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
