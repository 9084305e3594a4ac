using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>Workflow actions through the API: the state reached, the typed input's field errors, concurrent changes, roles.</summary>
public class ActionApiTests
{
    private static readonly Actor OtherHandler = new("handler-2", "Another Handler", ["case-handler"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_action_with_valid_input_answers_the_state_reached_and_the_new_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");
        var before = await ApiHost.JsonAsync(await claire.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Reference}", UriKind.Relative)));
        var version = before.GetProperty("dossier").GetProperty("version").GetInt64();
        var submit = Assert.Single(before.GetProperty("actions").EnumerateArray(), a => a.GetProperty("name").GetString() == "submit");

        var response = await ApiHost.PostJsonAsync(claire, $"/api/v1/dossiers/{dossier.Reference}/actions/submit",
            new { input = new { title = "Nouvelle ligne de production", requested = 12_000.50m, contact = "claire@forges.example" }, expectedVersion = version },
            antiforgery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await ApiHost.JsonAsync(response);
        Assert.Equal(("under-review", dossier.Reference), (outcome.GetProperty("state").GetString(), outcome.GetProperty("reference").GetString()));
        Assert.True(outcome.GetProperty("version").GetInt64() > version);
        // The form the action asks for comes with the dossier: its typed fields and their constraints.
        Assert.Equal(["title", "requested", "contact", "quote"], submit.GetProperty("input").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal(("money", 1000m), (submit.GetProperty("input")[1].GetProperty("type").GetString(), submit.GetProperty("input")[1].GetProperty("min").GetDecimal()));
        await using var db = database.CreateContext();
        var history = await db.DossierHistory.SingleAsync(h => h.DossierId == dossier.Id && h.Action == "submit");
        Assert.Equal("claire.dubois", history.SubjectId);
        Assert.NotNull(history.PartyId); // she acted for her company, the dossier's applicant
    }

    [Fact]
    public async Task Input_that_does_not_match_the_action_s_declaration_is_422_with_each_field_s_errors()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");

        var response = await ApiHost.PostJsonAsync(claire, $"/api/v1/dossiers/{dossier.Reference}/actions/submit",
            new { input = new { title = new string('x', 41), requested = 500, contact = "not an address", colour = "blue" } }, antiforgery);
        var missing = await ApiHost.PostJsonAsync(claire, $"/api/v1/dossiers/{dossier.Reference}/actions/submit", new { input = new { } }, antiforgery);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        var codes = problem.GetProperty("fieldErrors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("code").GetString());
        Assert.Equal("too-long", codes["title"]);
        Assert.Equal("too-small", codes["requested"]);
        Assert.Equal("invalid", codes["contact"]);
        Assert.Equal("undeclared", codes["colour"]);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "requested", "contact", "colour" })
        {
            Assert.Contains(field, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal); // each message names its field
        }

        var required = (await ApiHost.JsonAsync(missing)).GetProperty("fieldErrors").EnumerateArray()
            .Where(e => e.GetProperty("code").GetString() == "required").Select(e => e.GetProperty("field").GetString()).Order();
        Assert.Equal(["requested", "title"], required);
        await using var db = database.CreateContext();
        Assert.Equal("draft", (await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).State); // nothing happened
    }

    [Fact]
    public async Task An_action_decided_on_a_version_that_has_since_changed_is_409_and_nothing_is_done()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var submitted = await api.FireAsync(dossier.Reference, "submit", new { title = "Ligne", requested = 5000 },
            await ClaireAsActorAsync(api, dossier.Id));
        Assert.True(submitted.Accepted, submitted.Rejection?.Message);
        var (luc, antiforgery) = await api.SignedInAsync("luc.renard");
        var seen = (await ApiHost.JsonAsync(await luc.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}", UriKind.Relative))))
            .GetProperty("dossier").GetProperty("version").GetInt64();

        // Meanwhile another case handler refuses it.
        Assert.True((await api.FireAsync(dossier.Reference, "refuse", new { reason = "Hors délai" }, OtherHandler)).Accepted);
        var stale = await ApiHost.PostJsonAsync(luc, $"/api/v1/dossiers/{dossier.Id}/actions/approve", new { expectedVersion = seen }, antiforgery);
        var late = await ApiHost.PostJsonAsync(luc, $"/api/v1/dossiers/{dossier.Id}/actions/approve", new { }, antiforgery);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await ApiHost.JsonAsync(stale);
        Assert.Equal("concurrent-change", problem.GetProperty("code").GetString());
        Assert.Contains($"has changed since version {seen}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("'refused'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Without a version the action meets the refused dossier, whose state has no such action: 409 too.
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("not-allowed-in-state", (await ApiHost.JsonAsync(late)).GetProperty("code").GetString());
        await using var db = database.CreateContext();
        Assert.Equal("refused", (await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).State);
        Assert.Empty(await db.Instalments.Where(i => i.DossierId == dossier.Id).ToListAsync());
    }

    [Theory, OnPostgres]
    public async Task Of_concurrent_actions_on_one_dossier_version_exactly_one_is_taken_and_the_others_are_409(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var submitted = await api.FireAsync(dossier.Reference, "submit", new { title = "Ligne", requested = 5000 }, await ClaireAsActorAsync(api, dossier.Id));
        var (luc, antiforgery) = await api.SignedInAsync("luc.renard");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            ApiHost.PostJsonAsync(luc, $"/api/v1/dossiers/{dossier.Reference}/actions/approve", new { expectedVersion = submitted.Version }, antiforgery)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("concurrent-change", (await ApiHost.JsonAsync(lost)).GetProperty("code").GetString());
        }

        await using var db = database.CreateContext();
        Assert.Single(await db.Instalments.Where(i => i.DossierId == dossier.Id).ToListAsync()); // approved once
    }

    [Fact]
    public async Task An_action_the_requester_s_roles_do_not_allow_is_403_and_a_cookie_change_without_its_token_is_400()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        await api.FireAsync(dossier.Reference, "submit", new { title = "Ligne", requested = 5000 }, await ClaireAsActorAsync(api, dossier.Id));
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");

        var approve = await ApiHost.PostJsonAsync(claire, $"/api/v1/dossiers/{dossier.Reference}/actions/approve", new { }, antiforgery);
        var forged = await ApiHost.PostJsonAsync(claire, $"/api/v1/dossiers/{dossier.Reference}/actions/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal("role-missing", (await ApiHost.JsonAsync(approve)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("antiforgery", (await ApiHost.JsonAsync(forged)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_machine_client_with_the_act_scope_acts_by_the_roles_the_app_grants_it()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        await api.FireAsync(dossier.Reference, "submit", new { title = "Ligne", requested = 5000 }, await ClaireAsActorAsync(api, dossier.Id));
        var client = api.WithToken(await api.TokenAsync(ApiHost.ActorClient, ApiHost.Secret, "dw.act"));

        var response = await ApiHost.PostJsonAsync(client, $"/api/v1/dossiers/{dossier.Reference}/actions/approve", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("payment-pending", (await ApiHost.JsonAsync(response)).GetProperty("state").GetString());
        await using var db = database.CreateContext();
        Assert.Equal(ApiHost.ActorClient, (await db.DossierHistory.SingleAsync(h => h.DossierId == dossier.Id && h.Action == "approve")).SubjectId);
        Assert.Equal(2_500m, (await db.Instalments.SingleAsync(i => i.DossierId == dossier.Id)).Amount); // the rule set's output: 5,000 x 50 %
    }

    internal static async Task<Actor> ClaireAsActorAsync(ApiHost api, long dossierId)
    {
        await using var db = api.Database.CreateContext();
        var party = await db.DossierParties.Where(p => p.DossierId == dossierId).Select(p => p.PartyId).SingleAsync();
        return new Actor("claire.dubois", "Claire Dubois", ["company-representative"], party.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
