using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>The read-only resources: companies, programmes, rule sets, workflows with their graph, deadlines.</summary>
public class ReadApiTests
{
    [Fact]
    public async Task Programmes_rule_sets_and_workflows_are_read_as_published_with_the_workflow_s_graph()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var reader = api.WithToken(await api.TokenAsync("statistics-export", "demo-statistics-secret", "dw.read"));

        var programmes = await ApiHost.JsonAsync(await reader.GetAsync(new Uri("/api/v1/programmes", UriKind.Relative)));
        var grant = await ApiHost.JsonAsync(await reader.GetAsync(new Uri("/api/v1/programmes/grant", UriKind.Relative)));
        var ruleSets = await ApiHost.JsonAsync(await reader.GetAsync(new Uri("/api/v1/rule-sets", UriKind.Relative)));
        var ruleSet = await ApiHost.JsonAsync(await reader.GetAsync(new Uri("/api/v1/rule-sets/grant-payment?asOf=2026-01-01", UriKind.Relative)));
        var before = await reader.GetAsync(new Uri("/api/v1/rule-sets/grant-payment?asOf=2019-12-31", UriKind.Relative));
        var workflows = await ApiHost.JsonAsync(await reader.GetAsync(new Uri("/api/v1/workflows", UriKind.Relative)));
        var version = await ApiHost.JsonAsync(await reader.GetAsync(new Uri("/api/v1/workflows/grant/versions/1", UriKind.Relative)));
        var graph = await ApiHost.JsonAsync(await reader.GetAsync(new Uri("/api/v1/workflows/grant/versions/1/graph?culture=en", UriKind.Relative)));
        var missing = await reader.GetAsync(new Uri("/api/v1/workflows/grant/versions/9/graph", UriKind.Relative));

        Assert.Equal(["grant"], programmes.EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        Assert.Equal(["grant-payment"], grant.GetProperty("ruleSets").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("API test grant", grant.GetProperty("title").GetProperty("en").GetString());
        Assert.Contains(ruleSets.EnumerateArray(), r => r.GetProperty("name").GetString() == "grant-payment");
        Assert.Equal(("grant-payment", 1, "Test content of the API tests"), (ruleSet.GetProperty("ruleSet").GetProperty("name").GetString(),
            ruleSet.GetProperty("ruleSet").GetProperty("version").GetInt32(), ruleSet.GetProperty("ruleSet").GetProperty("legalBasis").GetProperty("text").GetString()));
        Assert.Equal(["rate"], ruleSet.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("grant-payment", ruleSet.GetProperty("source").GetProperty("WorkflowName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal([("grant", 1)], workflows.EnumerateArray().Select(w => (w.GetProperty("id").GetString(), w.GetProperty("latestVersion").GetInt32())));
        Assert.Equal(["draft", "under-review", "payment-pending", "paid", "refused"], version.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("grant", version.GetProperty("source").GetProperty("id").GetString());
        var mermaid = graph.GetProperty("mermaid").GetString()!;
        Assert.StartsWith("---\ntitle: API test grant (grant v1)", mermaid, StringComparison.Ordinal);
        Assert.Contains("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("\"Payment pending\"", mermaid, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Companies_are_all_visible_to_staff_and_only_their_own_to_a_company_s_representative()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var claires = await api.OpenDossierAsync(ApiHost.ClairesCompany, "Forges de Wallonie SRL");
        await api.OpenDossierAsync(ApiHost.SofiasCompany, "Namur Digital SA");
        var (claire, _) = await api.SignedInAsync("claire.dubois");
        var (luc, _) = await api.SignedInAsync("luc.renard");

        var hers = await ApiHost.JsonAsync(await claire.GetAsync(new Uri("/api/v1/companies", UriKind.Relative)));
        var all = await ApiHost.JsonAsync(await luc.GetAsync(new Uri("/api/v1/companies?search=Namur", UriKind.Relative)));
        var detail = await ApiHost.JsonAsync(await claire.GetAsync(new Uri("/api/v1/companies/BE0123.456.749", UriKind.Relative)));
        var other = await claire.GetAsync(new Uri($"/api/v1/companies/{ApiHost.SofiasCompany.Digits}", UriKind.Relative));

        Assert.Equal(["0123456749"], hers.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("enterpriseNumber").GetString()));
        Assert.Equal(["Namur Digital SA"], all.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(("Forges de Wallonie SRL", false), (detail.GetProperty("name").GetString(), detail.GetProperty("register").GetProperty("registered").GetBoolean()));
        Assert.Equal([claires.Reference], detail.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("reference").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Deadlines_and_dossier_lists_filter_and_page_what_the_requester_may_see()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            references.Add((await api.OpenDossierAsync(ApiHost.ClairesCompany)).Reference);
        }

        var submitted = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        await api.FireAsync(submitted.Reference, "submit", new { title = "Ligne", requested = 5000 }, await ActionApiTests.ClaireAsActorAsync(api, submitted.Id));
        var (luc, _) = await api.SignedInAsync("luc.renard");

        var first = await ApiHost.JsonAsync(await luc.GetAsync(new Uri("/api/v1/dossiers?state=draft&pageSize=2", UriKind.Relative)));
        var second = await ApiHost.JsonAsync(await luc.GetAsync(new Uri("/api/v1/dossiers?state=draft&pageSize=2&page=2", UriKind.Relative)));
        var reviewing = await ApiHost.JsonAsync(await luc.GetAsync(new Uri("/api/v1/dossiers?programme=grant&state=under-review", UriKind.Relative)));
        var wrongPage = await luc.GetAsync(new Uri("/api/v1/dossiers?pageSize=1000", UriKind.Relative));
        var deadlines = await ApiHost.JsonAsync(await luc.GetAsync(new Uri("/api/v1/deadlines?status=pending", UriKind.Relative)));
        var wrongStatus = await luc.GetAsync(new Uri("/api/v1/deadlines?status=late", UriKind.Relative));

        Assert.Equal((3, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("items").GetArrayLength()));
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(references.AsEnumerable().Reverse(), first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(d => d.GetProperty("reference").GetString())); // newest first
        Assert.Equal([submitted.Reference], reviewing.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("reference").GetString()));
        Assert.Equal("En cours d'examen", reviewing.GetProperty("items")[0].GetProperty("stateLabels").GetProperty("fr").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongPage.StatusCode);
        Assert.Equal(0, deadlines.GetProperty("total").GetInt32()); // the grant workflow sets none
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus.StatusCode);
    }
}
