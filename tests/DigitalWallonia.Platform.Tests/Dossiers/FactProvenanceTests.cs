using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Dossiers;

/// <summary>
/// Input kept as the action's input, facts named by setFact with where they come from, and a case handler verifying
/// what a party declared (TestContent/workflows/grant-test.json).
/// </summary>
public class FactProvenanceTests
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_declared_input_becomes_the_fact_the_definition_names_with_its_provenance_and_the_history_keeps_the_input(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var (reference, company) = await DossierWorkflowTests.OpenAsync(platform, requestedAmount: 40_000m);

        await FireAsync(platform, reference, new ActorActionFired("submit") { Input = Input(("requestedAmount", 40_000)) }, DossierWorkflowTests.Applicant(company));
        await FireAsync(platform, reference, new ActorActionFired("propose"), Handler);

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        using var facts = JsonDocument.Parse(dossier.FactsJson);
        Assert.Equal(40_000, facts.RootElement.GetProperty("declaration").GetProperty("requestedAmount").GetInt32());
        Assert.False(facts.RootElement.TryGetProperty("requestedAmount", out _)); // never merged over the facts
        var sources = dossier.FactSources();
        Assert.Equal((FactSources.Declared, "claire"), (sources["declaration.requestedAmount"].Source, sources["declaration.requestedAmount"].By));
        Assert.Equal((FactSources.Decided, "handler-1"), (sources["grantedAmount"].Source, sources["grantedAmount"].By));
        Assert.False(sources.ContainsKey("application.requestedAmount")); // opened with: no provenance of its own
        var submit = await db.DossierHistory.SingleAsync(h => h.DossierId == dossier.Id && h.TransitionId == "submit");
        Assert.Equal(("{\"requestedAmount\":40000}", (string?)null), (submit.InputJson, submit.PersonalInputJson));
        Assert.Null((await db.DossierHistory.SingleAsync(h => h.DossierId == dossier.Id && h.TransitionId == "eligible")).InputJson);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_handler_corrects_a_declared_fact_with_a_reason_and_the_correction_is_audited(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await DossierWorkflowTests.ReviewAsync(platform, 40_000m);

        await using (var scope = platform.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().VerifyFactAsync(reference, "declaration.requestedAmount",
                JsonSerializer.SerializeToElement(38_500), "Le devis joint porte sur 38 500 EUR HTVA.", Handler, CancellationToken.None);
        }

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Contains("\"declaration\":{\"requestedAmount\":38500}", dossier.FactsJson, StringComparison.Ordinal);
            var source = dossier.FactSources()["declaration.requestedAmount"];
            Assert.Equal((FactSources.Verified, "handler-1", platform.Clock.GetUtcNow()), (source.Source, source.By, source.At));
            var verified = await db.AuditEvents.Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).LastAsync();
            Assert.Equal(("fact-verified", "handler-1"), (verified.Kind, verified.ActorSubject));
            Assert.Contains("\"before\":40000", verified.Payload, StringComparison.Ordinal);
            Assert.Contains("\"after\":38500", verified.Payload, StringComparison.Ordinal);
            Assert.Contains("38 500 EUR", verified.Payload, StringComparison.Ordinal);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
        }
    }

    // workflows/cyber-professional.json declares each expert's name personal: the application holding it is kept apart.
    [Theory, OnSqlite, OnPostgres]
    public async Task Personal_input_is_kept_apart_and_erasing_it_is_the_one_change_the_history_allows(DatabaseProvider provider)
    {
        await using var platform = await Programmes.CyberProfessionalRegisterTests.StartAsync(provider);
        var (reference, _) = await Programmes.CyberProfessionalRegisterTests.ApplyAsync(platform);

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            var submit = await db.DossierHistory.SingleAsync(h => h.DossierId == dossier.Id && h.TransitionId == "submit");
            Assert.Null(submit.InputJson);
            Assert.Contains("\"name\":\"Luc Martin\"", submit.PersonalInputJson, StringComparison.Ordinal);
            submit.ErasePersonalInput();
            await db.SaveChangesAsync();
        }

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            var submit = await db.DossierHistory.SingleAsync(h => h.DossierId == dossier.Id && h.TransitionId == "submit");
            Assert.Null(submit.PersonalInputJson);
            db.Entry(submit).Property(h => h.ToState).CurrentValue = "listed";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_staff_verify_and_only_what_a_party_declared(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        // Opened by a case handler: what it opened the dossier with is decided, not declared.
        var (reference, company) = await DossierWorkflowTests.OpenAsync(platform, requestedAmount: 40_000m, opener: Handler);
        await FireAsync(platform, reference, new ActorActionFired("submit") { Input = Input(("requestedAmount", 40_000)) }, DossierWorkflowTests.Applicant(company));
        await FireAsync(platform, reference, new ActorActionFired("propose"), Handler);
        var before = await DossierFootprint.OfAsync(platform, reference);

        async Task<string> RefusedAsync(string path, Actor actor)
        {
            await using var scope = platform.Scope();
            var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();
            return (await Assert.ThrowsAnyAsync<Exception>(() => workflow.VerifyFactAsync(reference, path, JsonSerializer.SerializeToElement(1), "motif", actor, CancellationToken.None))).Message;
        }

        Assert.Contains("Only staff", await RefusedAsync("declaration.requestedAmount", DossierWorkflowTests.Applicant(company)), StringComparison.Ordinal);
        Assert.Contains("is the system's", await RefusedAsync("grantedAmount", Handler), StringComparison.Ordinal);
        Assert.Contains("was not declared by a party", await RefusedAsync("application.requestedAmount", Handler), StringComparison.Ordinal);
        Assert.Contains("has no fact 'declaration.staff'", await RefusedAsync("declaration.staff", Handler), StringComparison.Ordinal);
        Assert.Equal(before, await DossierFootprint.OfAsync(platform, reference));
    }
}
