using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.RuleSets;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Programmes;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Programmes.ProviderRegisterTests;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.RuleSets;

/// <summary>A draft replayed on the stored evaluations of a real RENTIC dossier: their facts and as-of dates, not today's.</summary>
public class WhatIfReplayTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_lower_rate_and_a_stricter_condition_are_counted_on_the_stored_evaluations_of_the_period(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _, _) = await RenticProgrammeTests.SubmitAsync(platform, eligibleCost: 40_000m);
        platform.Clock.Set(Start.AddDays(7));
        Assert.True((await FireAsync(platform, reference, new ActorActionFired("approve"), Handler)).Accepted);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var source = (await db.PublishedRuleSets.SingleAsync(p => p.Path == "rentic/rentic-amount.json")).Source;
        var stored = await db.EvaluationSnapshots.CountAsync(s => s.RuleSet == "rentic-amount");
        var replay = scope.ServiceProvider.GetRequiredService<WhatIfReplay>();
        var reports = new List<ReplayProgress>();

        var lowerRate = await replay.RunAsync(source.Replace("\"Value\": 0.5,", "\"Value\": 0.4,", StringComparison.Ordinal),
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new SynchronousProgress(reports), CancellationToken.None);
        var stricter = await replay.RunAsync(source.Replace("\"eligibleCost > 0\"", "\"eligibleCost > 50000\"", StringComparison.Ordinal),
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, CancellationToken.None);
        var outside = await replay.RunAsync(source.Replace("\"Value\": 0.5,", "\"Value\": 0.4,", StringComparison.Ordinal),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), null, CancellationToken.None);

        Assert.True(stored > 0);
        Assert.Equal((stored, stored, -4_000m * stored), (lowerRate.Total, lowerRate.AmountsChanged, lowerRate.AmountDelta));
        var change = lowerRate.Changes[0];
        Assert.Equal((new DateOnly(2026, 3, 2), 20_000m, 16_000m, true, true), (change.AsOf, change.AmountBefore, change.AmountAfter, change.PassedBefore, change.PassedAfter));
        Assert.Equal(new ReplayProgress(stored, stored), reports[^1]);
        Assert.Equal((stored, 0), (stricter.EligibleToIneligible, stricter.IneligibleToEligible));
        Assert.Equal(0, outside.Total);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stored_evaluation_becomes_a_test_case_with_its_outcome_as_the_expectation(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _, _) = await RenticProgrammeTests.SubmitAsync(platform, eligibleCost: 40_000m);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var snapshot = await db.EvaluationSnapshots.Where(s => s.RuleSet == "rentic-amount").OrderBy(s => s.Id).FirstAsync();
        var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
        var draft = await RuleSetPublishingTests.StartRenticAmountDraftAsync(scope);
        var before = (await drafts.CheckAsync(draft.Source, draft.Path, CancellationToken.None)).Tests.Count;

        var added = await drafts.AddTestFromSnapshotAsync(draft.Id, snapshot.Id, CancellationToken.None);
        var madeTest = Assert.Single(added.Check!.Tests, t => t.Name.StartsWith(reference, StringComparison.Ordinal));
        Assert.Equal((before + 1, 0), (added.Check.Tests.Count, madeTest.Failures.Count));

        // The rate lowered: the dossier's own evaluation, now a test, says what it would change.
        var lowered = await drafts.CheckAsync(draft.Source.Replace("\"Value\": 0.5,", "\"Value\": 0.4,", StringComparison.Ordinal), draft.Path, CancellationToken.None);
        Assert.Contains(lowered.Tests.Single(t => t.Name == madeTest.Name).Failures, f => f.StartsWith("output 'amount': expected 20000", StringComparison.Ordinal));

        var noExpectation = draft.Source.Replace("\"Tests\": [", "\"Tests\": [ { \"Name\": \"nothing expected\", \"Inputs\": { \"eligibleCost\": 1 } },", StringComparison.Ordinal);
        var refused = await drafts.CheckAsync(noExpectation, draft.Path, CancellationToken.None);
        Assert.Contains(refused.Diagnostics, d => d.Code == "DW1062" && d.Line == RuleSetSources.LineOf(noExpectation, "\"Tests\": ["));
    }

    // Progress<T> posts to the thread pool; the test wants every report in order before it reads them.
    private sealed class SynchronousProgress(List<ReplayProgress> reports) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => reports.Add(value);
    }
}
