using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.Browser;
using DigitalWallonia.Web.Tests.SignIn;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>
/// The web host in memory (<see cref="AppHost"/>) on the API tests' own content: one small grant workflow (draft → under
/// review → payment pending → paid) with typed input and an instalment, so that each test reaches the state it needs in a
/// few firings. Machine clients are registered for every combination of scopes the tests need, besides the demo ones of
/// appsettings.json (payment-system, statistics-export).
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string Programme = "grant";

    /// <summary>Claire Dubois's company (persona claire.dubois, appsettings.json).</summary>
    public static readonly EnterpriseNumber ClairesCompany = EnterpriseNumber.Parse("0123456749");

    /// <summary>One of Sofia Martin's companies (persona sofia.martin).</summary>
    public static readonly EnterpriseNumber SofiasCompany = EnterpriseNumber.Parse("0789012351");

    public const string PaymentClient = "payment-system";
    public const string PaymentSecret = "demo-payment-secret";
    public const string ReaderClient = "test-reader";
    public const string ActorClient = "test-actor";
    public const string Secret = "test-secret-of-the-api-tests";

    private readonly string _content;

    private ApiHost(TestDatabase database, IReadOnlyDictionary<string, string>? settings)
    {
        _content = CreateContent();
        var all = new Dictionary<string, string>
        {
            ["Content:Root"] = _content,
            // One audit key for every node on the database (PostgreSQL requires one; two SQLite nodes must share it too).
            ["Audit:Key"] = Convert.ToBase64String(new byte[32]),
            // Beside the two demo clients (indexes 0 and 1 in appsettings.json): one that only reads, one that only acts.
            ["Identity:LocalProvider:Clients:2:ClientId"] = ReaderClient,
            ["Identity:LocalProvider:Clients:2:Secret"] = Secret,
            ["Identity:LocalProvider:Clients:2:Scopes:0"] = "dw.read",
            ["Identity:LocalProvider:Clients:2:Roles:0"] = "case-handler",
            ["Identity:LocalProvider:Clients:3:ClientId"] = ActorClient,
            ["Identity:LocalProvider:Clients:3:Secret"] = Secret,
            ["Identity:LocalProvider:Clients:3:Scopes:0"] = "dw.act",
            ["Identity:LocalProvider:Clients:3:Roles:0"] = "case-handler",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        Database = database;
        App = new AppHost(database, all);
    }

    public TestDatabase Database { get; }

    public AppHost App { get; }

    public static ApiHost Start(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) => new(database, settings);

    /// <summary>Opens a grant dossier (draft) whose applicant is <paramref name="company"/>, as the platform would for a portal user.</summary>
    public async Task<(long Id, string Reference)> OpenDossierAsync(EnterpriseNumber company, string name = "Entreprise d'essai")
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        EnterpriseNumber? number = company;
        var party = db.Parties.SingleOrDefault(p => p.EnterpriseNumber == number);
        if (party is null)
        {
            party = Party.Organisation(name, company);
            db.Parties.Add(party);
            await db.SaveChangesAsync();
        }

        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync(Programme, [(party, DossierRoles.Applicant)],
            JsonSerializer.SerializeToElement(new { }), Actor.System, Platform.Scheduling.DeadlinePlanner.LegalDate(DateTimeOffset.UtcNow), null, CancellationToken.None);
        return (dossier.Id, dossier.Reference);
    }

    /// <summary>Fires an action in-process, as someone else working on the dossier at the same time would.</summary>
    public async Task<FiringReport> FireAsync(string reference, string action, object? input, Actor actor)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var fields = input is null ? new Dictionary<string, JsonElement>()
            : JsonSerializer.SerializeToElement(input).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        return await scope.ServiceProvider.GetRequiredService<DossierWorkflow>()
            .FireAsync(reference, new ActorActionFired(action) { Input = fields }, actor, CancellationToken.None);
    }

    /// <summary>An OAuth client-credentials token from the local provider's token endpoint.</summary>
    public async Task<string> TokenAsync(string clientId, string secret, string scope)
    {
        var response = await App.Browser().PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!; // a 200 from the token endpoint has one
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public HttpClient WithToken(string token)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser signed in as a persona, with the anti-forgery token of the page it landed on (for changes).</summary>
    public async Task<(HttpClient Browser, string Antiforgery)> SignedInAsync(string subject)
    {
        var browser = App.Browser(new CookieContainer());
        var landed = await SignInJourney.SignInAsync(browser, subject);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        return (browser, SignInJourney.Token(await landed.Content.ReadAsStringAsync()));
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body, string? antiforgery = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (antiforgery is not null)
        {
            request.Headers.Add("RequestVerificationToken", antiforgery);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_content, recursive: true);
    }

    // The tests' workflow and rule set, with the repository's role catalogue (the actor model the personas' roles come from).
    private static string CreateContent()
    {
        var root = Directory.CreateTempSubdirectory("dw-api-content-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "Api", "Content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!); // a file's path has a folder
            File.Copy(file, target);
        }

        File.Copy(Path.Combine(BrowserFixture.RepositoryRoot, "workflows", "roles.json"), Path.Combine(root, "workflows", "roles.json"));
        return root;
    }
}
