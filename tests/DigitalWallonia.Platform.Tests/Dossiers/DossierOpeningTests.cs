using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Scheduling;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

public class DossierOpeningTests
{
    // Before, the reference was taken first and its counter row stayed locked while the start's rules ran: every other
    // opening of the programme waited for the slowest evaluation (on SQLite, for the write lock the transaction held).
    [Theory, OnSqlite, OnPostgres]
    public async Task A_dossier_whose_start_evaluates_slowly_holds_back_no_other_opening_of_its_programme(DatabaseProvider provider)
    {
        HeldEvaluation? held = null;
        await using var platform = await TestPlatform.StartAsync(provider,
            register: s => s.AddSingleton<IGuardEvaluator>(sp => held = new HeldEvaluation(ActivatorUtilities.CreateInstance<RuleEngineGuardEvaluator>(sp))));
        var company = await TestParties.StoredAsync(platform, "0123.456.749", "Forges SRL");
        var slow = Task.Run(() => OpenAsync(platform, "screened-test", company));
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(held?.Entered.IsCompleted == true), TimeSpan.FromSeconds(60), "the screening evaluation started");

            var other = await OpenAsync(platform, "grant-test", company).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(("TEST-2026-000001", "draft"), (other.Reference, other.State));
        }
        finally
        {
            held?.Release();
        }

        var screened = await slow.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("TEST-2026-000002", screened.Reference); // numbered once its start was decided
        Assert.NotEqual("received", screened.State);
    }

    private static async Task<Dossier> OpenAsync(TestPlatform platform, string workflow, Party company)
    {
        await using var scope = platform.Scope();
        var applicant = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Parties.SingleAsync(p => p.Id == company.Id);
        var facts = JsonSerializer.SerializeToElement(new { application = new { requestedAmount = 1_000m } });
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync(workflow, [(applicant, DossierRoles.Applicant)], facts,
            DossierWorkflowTests.Applicant(company), new DateOnly(2026, 3, 2), 1_000m, CancellationToken.None);
        return dossier;
    }

    /// <summary>The real evaluator, whose first evaluation waits until the test releases it: a start held mid-evaluation.</summary>
    private sealed class HeldEvaluation(IGuardEvaluator evaluator) : IGuardEvaluator
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _released = new();
        private int _evaluations;

        public Task Entered => _entered.Task;

        public void Release() => _released.Set();

        public GuardOutcome Evaluate(GuardRequest request)
        {
            if (Interlocked.Increment(ref _evaluations) == 1)
            {
                _entered.SetResult();
                _released.Wait(TimeSpan.FromMinutes(2));
            }

            return evaluator.Evaluate(request);
        }
    }
}
