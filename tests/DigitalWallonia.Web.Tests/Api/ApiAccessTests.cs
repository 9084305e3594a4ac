using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>Who sees which dossier through the API: companies by their mandates, staff by role and programme, 404 for the rest.</summary>
public class ApiAccessTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Another_company_s_dossier_is_404_by_id_and_by_reference(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);
        await using var api = ApiHost.Start(database);
        var claires = await api.OpenDossierAsync(ApiHost.ClairesCompany, "Forges de Wallonie SRL");
        var sofias = await api.OpenDossierAsync(ApiHost.SofiasCompany, "Namur Digital SA");
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");

        var hers = new[] { $"/api/v1/dossiers/{claires.Id}", $"/api/v1/dossiers/{claires.Reference}" };
        var others = new[]
        {
            $"/api/v1/dossiers/{sofias.Id}", $"/api/v1/dossiers/{sofias.Reference}",
            $"/api/v1/dossiers/{sofias.Reference}/documents", $"/api/v1/dossiers/{sofias.Id}/documents",
            "/api/v1/dossiers/999999", "/api/v1/dossiers/GRANT-2000-000001",
        };
        foreach (var path in hers)
        {
            var response = await claire.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var path in others)
        {
            var response = await claire.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The same words whether the dossier exists or not: the answer tells nothing of another company's dossiers.
        var existing = await ApiHost.JsonAsync(await claire.GetAsync(new Uri($"/api/v1/dossiers/{sofias.Reference}", UriKind.Relative)));
        Assert.Equal($"There is no dossier '{sofias.Reference}'.", existing.GetProperty("detail").GetString());
        Assert.Equal("not-found", existing.GetProperty("code").GetString());
        Assert.True(existing.TryGetProperty("traceId", out _));

        // Acting on it is refused the same way, and nothing happens to it.
        var act = await ApiHost.PostJsonAsync(claire, $"/api/v1/dossiers/{sofias.Reference}/actions/submit", new { input = new { } }, antiforgery);
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);

        var list = await ApiHost.JsonAsync(await claire.GetAsync(new Uri("/api/v1/dossiers", UriKind.Relative)));
        Assert.Equal([claires.Reference], list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("reference").GetString()));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_person_with_mandates_for_two_companies_sees_the_dossiers_of_both_and_no_other()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var claires = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var namur = await api.OpenDossierAsync(ApiHost.SofiasCompany);
        var conseil = await api.OpenDossierAsync(Platform.Parties.EnterpriseNumber.Parse("0876543270"));
        var (sofia, _) = await api.SignedInAsync("sofia.martin");

        var list = await ApiHost.JsonAsync(await sofia.GetAsync(new Uri("/api/v1/dossiers?pageSize=10", UriKind.Relative)));
        var filtered = await ApiHost.JsonAsync(await sofia.GetAsync(new Uri("/api/v1/dossiers?enterprise=BE0876.543.270", UriKind.Relative)));

        Assert.Equal([conseil.Reference, namur.Reference], list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("reference").GetString()));
        Assert.Equal([conseil.Reference], filtered.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("reference").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await sofia.GetAsync(new Uri($"/api/v1/dossiers/{claires.Reference}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Staff_see_the_dossiers_of_the_programmes_their_roles_have_a_part_in()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (handler, _) = await api.SignedInAsync("luc.renard");
        var (committee, _) = await api.SignedInAsync("isabelle.hennaux");
        var (agency, _) = await api.SignedInAsync("agence.numerique");

        // The grant workflow names case handlers; committee members have no part in it; the digital agency reaches every
        // programme by configuration (Access:Programmes, appsettings.json).
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Reference}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Reference}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}", UriKind.Relative))).StatusCode);
        var committeeList = await ApiHost.JsonAsync(await committee.GetAsync(new Uri("/api/v1/dossiers", UriKind.Relative)));
        Assert.Equal(0, committeeList.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/v1/dossiers")]
    [InlineData("GET", "/api/v1/dossiers/1")]
    [InlineData("POST", "/api/v1/dossiers/1/actions/submit")]
    [InlineData("POST", "/api/v1/dossiers/1/documents")]
    [InlineData("POST", "/api/v1/dossiers/1/events/payment-confirmed")]
    [InlineData("GET", "/api/v1/companies")]
    [InlineData("GET", "/api/v1/programmes")]
    [InlineData("GET", "/api/v1/rule-sets")]
    [InlineData("GET", "/api/v1/workflows")]
    [InlineData("GET", "/api/v1/deadlines")]
    public async Task Anonymous_calls_are_401_with_a_problem_document_never_a_sign_in_redirect(string method, string path)
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);

        var response = await api.App.Browser(followRedirects: false).SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_or_foreign_token_is_401()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var token = await api.TokenAsync(ApiHost.ReaderClient, ApiHost.Secret, "dw.read");
        var parts = token.Split('.');
        // The same header and signature over a payload that grants more: the signature no longer matches.
        var forged = string.Join('.', parts[0], parts[1][..^4] + "AAAA", parts[2]);

        var response = await api.WithToken(forged).GetAsync(new Uri("/api/v1/dossiers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_scope_an_endpoint_needs_is_403()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var reader = api.WithToken(await api.TokenAsync(ApiHost.ReaderClient, ApiHost.Secret, "dw.read"));
        var actor = api.WithToken(await api.TokenAsync(ApiHost.ActorClient, ApiHost.Secret, "dw.act"));
        var payment = api.WithToken(await api.TokenAsync(ApiHost.PaymentClient, ApiHost.PaymentSecret, "dw.events"));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Reference}", UriKind.Relative))).StatusCode);
        var readerActs = await ApiHost.PostJsonAsync(reader, $"/api/v1/dossiers/{dossier.Reference}/actions/approve", new { });
        var readerReports = await ApiHost.PostJsonAsync(reader, $"/api/v1/dossiers/{dossier.Reference}/events/payment-confirmed", new { instalment = "single" });
        var actorReads = await actor.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Reference}", UriKind.Relative));
        var paymentReads = await payment.GetAsync(new Uri("/api/v1/dossiers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, readerActs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerReports.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, actorReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, paymentReads.StatusCode);
        Assert.Equal("application/problem+json", readerActs.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_scope_the_client_was_not_given_and_a_wrong_secret()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var browser = api.App.Browser();

        async Task<string> Ask(string client, string secret, string scope)
        {
            var response = await browser.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = client, ["client_secret"] = secret, ["scope"] = scope,
            }));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            var error = await ApiHost.JsonAsync(response);
            return $"{error.GetProperty("error").GetString()}: {error.GetProperty("error_description").GetString()}";
        }

        Assert.StartsWith("invalid_request: This client application is not allowed to use the specified scope",
            await Ask(ApiHost.PaymentClient, ApiHost.PaymentSecret, "dw.act"), StringComparison.Ordinal);
        Assert.StartsWith("invalid_client:", await Ask(ApiHost.PaymentClient, "not-the-secret", "dw.events"), StringComparison.Ordinal);
    }
}
