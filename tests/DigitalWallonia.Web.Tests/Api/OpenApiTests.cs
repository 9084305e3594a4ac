using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>The API's description: the OpenAPI document for anyone, its reference UI for signed-in staff only.</summary>
public class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_is_served_and_lists_the_endpoints_and_how_to_authenticate()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);

        var response = await api.App.Browser().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ApiHost.JsonAsync(response);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateObject().Select(o => o.Name).ToList());
        Assert.Equal(
        [
            "/api/v1/companies", "/api/v1/companies/{enterpriseNumber}", "/api/v1/deadlines", "/api/v1/dossiers", "/api/v1/dossiers/{dossier}",
            "/api/v1/dossiers/{dossier}/actions/{action}", "/api/v1/dossiers/{dossier}/document-request",
            "/api/v1/dossiers/{dossier}/document-request/items/{item}", "/api/v1/dossiers/{dossier}/documents", "/api/v1/dossiers/{dossier}/documents/{id}",
            "/api/v1/dossiers/{dossier}/events/{event}", "/api/v1/programmes", "/api/v1/programmes/{key}", "/api/v1/rule-sets",
            "/api/v1/rule-sets/{name}", "/api/v1/workflows", "/api/v1/workflows/{id}/versions/{version}",
            "/api/v1/workflows/{id}/versions/{version}/graph",
        ], paths.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["get", "post"], paths["/api/v1/dossiers/{dossier}/documents"].Order(StringComparer.Ordinal));
        var fire = document.GetProperty("paths").GetProperty("/api/v1/dossiers/{dossier}/actions/{action}").GetProperty("post");
        Assert.Equal("FireAction", fire.GetProperty("operationId").GetString());
        Assert.True(fire.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(fire.GetProperty("responses").TryGetProperty("409", out _));
        var oauth = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        Assert.Equal("/connect/token", oauth.GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Equal(["dw.act", "dw.events", "dw.read"],
            oauth.GetProperty("flows").GetProperty("clientCredentials").GetProperty("scopes").EnumerateObject().Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_API_reference_is_refused_to_anonymous_visitors_and_to_companies_and_shown_to_staff()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var (claire, _) = await api.SignedInAsync("claire.dubois");
        var (luc, _) = await api.SignedInAsync("luc.renard");

        var anonymous = await api.App.Browser(followRedirects: false).GetAsync(new Uri("/api/reference", UriKind.Relative));
        var company = await claire.GetAsync(new Uri("/api/reference", UriKind.Relative));
        var staff = await luc.GetAsync(new Uri("/api/reference", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, company.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        var html = await staff.Content.ReadAsStringAsync();
        // The page reads the document from the app's root (openapi/v1.json) and its script from the host, nothing from a CDN.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"scalar.js\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.Ordinal);
        var script = await luc.GetAsync(new Uri("/api/reference/scalar.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
