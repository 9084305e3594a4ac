using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.SignIn;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests.Forms;

/// <summary>
/// One host for a test class, with the every-input workflow published and the administrator signed in; pages are read
/// with AngleSharp as a browser would parse them.
/// </summary>
public sealed class AdminSession : IAsyncLifetime
{
    private TestDatabase? _database;

    internal AppHost App { get; private set; } = null!;

    public HttpClient Browser { get; private set; } = null!;

    public CookieContainer Cookies { get; } = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        App = new AppHost(_database);
        Browser = App.Browser(Cookies);
        var landed = await SignInJourney.SignInAsync(Browser, "admin");
        Assert.Equal("/Admin", landed.RequestMessage!.RequestUri!.AbsolutePath);
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>().PublishAsync(
            scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), EveryInputWorkflow.Json, "every-input-test.json", "test", CancellationToken.None);
        Assert.True(outcome.Status is PublishStatus.Published or PublishStatus.Unchanged, string.Join("; ", outcome.Diagnostics));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A page's HTML, parsed.</summary>
    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    public async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string address)
    {
        var response = await Browser.GetAsync(new Uri(address, UriKind.Relative));
        return (response, await ParseAsync(await response.Content.ReadAsStringAsync()));
    }
}
