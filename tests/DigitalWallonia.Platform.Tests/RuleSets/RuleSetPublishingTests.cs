using System.Diagnostics;
using System.Text.Json;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.RuleSets;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Programmes;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static DigitalWallonia.Platform.Tests.Programmes.ProviderRegisterTests;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.RuleSets;

/// <summary>
/// Rule sets in the database: rules/ seeds it and exports back byte for byte; a draft is published only with a legal
/// basis, a validity, passing tests and a second officer's approval; every node evaluates a publication within 5 seconds.
/// </summary>
public class RuleSetPublishingTests
{
    private const string Author = "nadia.benali";
    private const string Approver = "pierre.collard";

    [Theory, OnSqlite, OnPostgres]
    public async Task Rules_folder_seeds_an_empty_database_and_exports_byte_identical(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, shippedContent: true);
        var folder = Directory.CreateTempSubdirectory("dw-rules-export-").FullName;
        try
        {
            await using var scope = platform.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var exported = await RuleSetCatalogue.ExportAsync(db, folder, CancellationToken.None);

            var rules = Path.Combine(TestContent.RepositoryRoot(), "rules");
            var files = Directory.EnumerateFiles(rules, "*.json", SearchOption.AllDirectories).ToList();
            Assert.Equal(files.Count, exported);
            Assert.All(files, f => Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(folder, Path.GetRelativePath(rules, f)))));
            Assert.Equal(1, await RuleSetCatalogue.PublicationsAsync(db, CancellationToken.None));
            Assert.Equal(1, platform.Services.GetRequiredService<RuleLibrary>().Publication);

            // A second start on the same database seeds nothing more.
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RuleSetCatalogue>().SeedAsync(db, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_draft_is_published_only_after_a_second_officer_approves_it_and_editing_voids_the_approval(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, shippedContent: true);
        await using var scope = platform.Scope();
        var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
        var draft = await StartRenticAmountDraftAsync(scope);
        Assert.Equal("rentic/rentic-amount.v2.json", draft.Path);
        await drafts.SaveAsync(draft.Id, RuleSetSources.LowerCeiling(draft.Source, "2026-03-10", 10_000), CancellationToken.None);

        var byAuthor = await drafts.ApproveAsync(draft.Id, Author, CancellationToken.None);
        Assert.False(byAuthor.Succeeded);
        Assert.Contains("author", byAuthor.Error, StringComparison.Ordinal);
        Assert.False((await drafts.PublishAsync(draft.Id, Author, CancellationToken.None)).Succeeded);

        Assert.True((await drafts.ApproveAsync(draft.Id, Approver, CancellationToken.None)).Succeeded);
        await drafts.SaveAsync(draft.Id, draft.Source.Replace("10000", "12000", StringComparison.Ordinal), CancellationToken.None);
        Assert.Null(draft.ApprovedBy);
        var unapproved = await drafts.PublishAsync(draft.Id, Approver, CancellationToken.None);
        Assert.False(unapproved.Succeeded);

        Assert.True((await drafts.ApproveAsync(draft.Id, Approver, CancellationToken.None)).Succeeded);
        var published = await drafts.PublishAsync(draft.Id, Approver, CancellationToken.None);
        Assert.True(published.Succeeded, published.Error);

        var registry = platform.Services.GetRequiredService<RuleLibrary>().Registry;
        Assert.Equal(1, registry.Resolve("rentic-amount", new DateOnly(2026, 3, 9))!.Version);
        Assert.Equal(2, registry.Resolve("rentic-amount", new DateOnly(2026, 3, 10))!.Version);
        var row = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().PublishedRuleSets.SingleAsync(p => p.Id == published.PublishedId);
        Assert.Equal((Author, Approver, 2, new DateOnly(2026, 3, 10)), (row.DraftedBy, row.ApprovedBy, row.Version, row.ValidFrom));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_draft_without_legal_basis_or_validity_or_with_a_failing_test_is_refused_at_its_place(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, shippedContent: true);
        await using var scope = platform.Scope();
        var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
        var draft = await StartRenticAmountDraftAsync(scope);

        var noBasis = RuleSetSources.LowerCeiling(draft.Source, "2026-03-10", 10_000).Replace(", \"LegalBasis\": { \"Text\": \"Arrêté ministériel (test)\" }", "", StringComparison.Ordinal);
        var check = await drafts.CheckAsync(noBasis, draft.Path, CancellationToken.None);
        var missing = Assert.Single(check.Diagnostics);
        Assert.Equal(("DW1060", RuleSetSources.LineOf(noBasis, "\"Value\": 10000")), (missing.Code, missing.Line));

        var noValidity = RuleSetSources.LowerCeiling(draft.Source, "2026-03-10", 10_000).Replace("\"ValidFrom\": \"2026-03-10\",\n    \"LegalBasis\"", "\"LegalBasis\"", StringComparison.Ordinal);
        Assert.Equal(["DW1061"], (await drafts.CheckAsync(noValidity, draft.Path, CancellationToken.None)).Diagnostics.Select(d => d.Code));

        // The ceiling of every period lowered: the embedded tests that expect 50,000 EUR fail, and approval is refused.
        await drafts.SaveAsync(draft.Id, RuleSetSources.LowerCeiling(draft.Source, "2026-03-10", 10_000).Replace("\"Value\": 50000", "\"Value\": 40000", StringComparison.Ordinal), CancellationToken.None);
        var refused = await drafts.ApproveAsync(draft.Id, Approver, CancellationToken.None);
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Check!.Tests, t => t.Name == "the ceiling is exactly reached at 100,000 EUR of cost" && t.Failures.Count > 0);

        var broken = await drafts.CheckAsync(draft.Source.Replace("\"Rules\": [", "\"Rules\": [,", StringComparison.Ordinal), draft.Path, CancellationToken.None);
        Assert.Equal(RuleSetSources.LineOf(draft.Source, "\"Rules\": ["), Assert.Single(broken.Diagnostics).Line);
        var typo = await drafts.CheckAsync(draft.Source.Replace("\"eligibleCost > 0\"", "\"eligibleCosst > 0\"", StringComparison.Ordinal), draft.Path, CancellationToken.None);
        Assert.Equal(("DW1020", RuleSetSources.LineOf(draft.Source, "\"eligibleCost > 0\""), 24), (typo.Diagnostics[0].Code, typo.Diagnostics[0].Line, typo.Diagnostics[0].Column));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_new_version_cannot_start_before_a_decided_dossier_evaluation_which_keeps_its_version(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _, _) = await RenticProgrammeTests.SubmitAsync(platform, eligibleCost: 40_000m);
        platform.Clock.Set(Start.AddDays(7));
        Assert.True((await FireAsync(platform, reference, new ActorActionFired("approve"), Handler)).Accepted);

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var decided = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var snapshot = await db.EvaluationSnapshots.Where(s => s.DossierId == decided.Id && s.RuleSet == "rentic-amount").OrderBy(s => s.Id).FirstAsync();
        Assert.Equal(("1", new DateOnly(2026, 3, 2)), (snapshot.RuleSetVersion, snapshot.AsOfDate));

        var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
        var draft = await StartRenticAmountDraftAsync(scope);
        var early = await drafts.CheckAsync(RuleSetSources.LowerCeiling(draft.Source, "2026-03-01", 10_000), draft.Path, CancellationToken.None);
        var refusal = Assert.Single(early.Diagnostics);
        Assert.Equal((RuleSetDrafts.DecidedDossierCode, RuleSetSources.LineOf(draft.Source, "\"ValidFrom\"")), (refusal.Code, refusal.Line));

        await drafts.SaveAsync(draft.Id, RuleSetSources.LowerCeiling(draft.Source, "2026-03-10", 10_000), CancellationToken.None);
        Assert.True((await drafts.ApproveAsync(draft.Id, Approver, CancellationToken.None)).Succeeded);
        Assert.True((await drafts.PublishAsync(draft.Id, Approver, CancellationToken.None)).Succeeded);
        var library = platform.Services.GetRequiredService<RuleLibrary>();
        var facts = JsonSerializer.SerializeToElement(new { eligibleCost = 40_000m });
        Assert.Equal(1, library.Registry.Evaluate("rentic-amount", snapshot.AsOfDate, facts).Version);
        var later = library.Registry.Evaluate("rentic-amount", new DateOnly(2026, 3, 11), facts);
        Assert.Equal((2, 10_000m), (later.Version, Amount(later)));
    }

    [PostgresFact]
    public async Task A_publication_through_one_node_is_evaluated_by_another_within_five_seconds()
    {
        await using var first = await TestPlatform.StartAsync(DatabaseProvider.Postgres, shippedContent: true);
        await using var second = await TestPlatform.StartAsync(DatabaseProvider.Postgres, shippedContent: true, sharedDatabase: first.Database);
        var refresher = second.Services.GetServices<IHostedService>().OfType<RuleSetRefresher>().Single();
        await refresher.StartAsync(CancellationToken.None);
        try
        {
            var facts = JsonSerializer.SerializeToElement(new { eligibleCost = 100_000m });
            var secondRules = second.Services.GetRequiredService<RuleLibrary>();
            Assert.Equal(50_000m, Amount(secondRules.Registry.Evaluate("rentic-amount", new DateOnly(2026, 6, 1), facts)));

            await using var scope = first.Scope();
            var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
            var draft = await StartRenticAmountDraftAsync(scope);
            await drafts.SaveAsync(draft.Id, RuleSetSources.LowerCeiling(draft.Source, "2026-03-10", 10_000), CancellationToken.None);
            Assert.True((await drafts.ApproveAsync(draft.Id, Approver, CancellationToken.None)).Succeeded);
            Assert.True((await drafts.PublishAsync(draft.Id, Approver, CancellationToken.None)).Succeeded);
            var published = Stopwatch.StartNew();

            while (secondRules.Registry.Resolve("rentic-amount", new DateOnly(2026, 6, 1))!.Version != 2)
            {
                Assert.True(published.Elapsed < TimeSpan.FromSeconds(5), "the second node did not load the publication within 5 seconds");
                await Task.Delay(50);
            }

            Assert.Equal(10_000m, Amount(secondRules.Registry.Evaluate("rentic-amount", new DateOnly(2026, 6, 1), facts)));
        }
        finally
        {
            await refresher.StopAsync(CancellationToken.None);
        }
    }

    internal static async Task<RuleSetDraft> StartRenticAmountDraftAsync(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var current = await db.PublishedRuleSets.SingleAsync(p => p.Path == "rentic/rentic-amount.json");
        return await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().StartFromAsync(current.Id, Author, CancellationToken.None);
    }

    private static decimal Amount(DigitalWallonia.Rules.EvaluationResult result) => result.Outputs["amount"]!.GetValue<decimal>();
}
