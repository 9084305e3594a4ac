using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

public class ConcurrentFiringTests
{
    [Theory, OnPostgres, OnSqlite, OnSqlServer]
    public async Task Of_100_parallel_conflicting_actions_exactly_one_transitions_and_99_get_a_clean_answer(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await DossierWorkflowTests.ReviewAsync(platform, 40_000m);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = platform.Scope();
            var handler = new Actor($"handler-{i}", $"Handler {i}", ["case-handler"]);
            try
            {
                var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>()
                    .FireAsync(reference, new ActorActionFired(i % 2 == 0 ? "refuse" : "propose"), handler, CancellationToken.None);
                return report.Accepted ? "transition" : report.Rejection!.Code;
            }
            catch (DossierConflictException e)
            {
                Assert.Contains("Nothing was saved", e.Message, StringComparison.Ordinal);
                return "conflict";
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "transition"));
        // A loser either lost the race at commit (conflict) or read the dossier after the winner's commit (not allowed there any more).
        Assert.All(outcomes.Where(o => o != "transition"), o => Assert.Contains(o, new[] { "conflict", "not-allowed-in-state" }));
        await using var check = platform.Scope();
        var db = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var history = await db.DossierHistory.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).ToListAsync();
        Assert.Equal(3, history.Count); // submit, eligible, and the one winner
        Assert.Equal(dossier.State, history[^1].ToState);
        var events = dossier.State == "refused" ? 5 : 4; // start, submit, eligible, the winner, and a refusal's decision
        Assert.Equal(events, dossier.AuditHeadSequence);
        Assert.Equal(events, await db.AuditEvents.CountAsync(e => e.DossierId == dossier.Id));
    }
}
