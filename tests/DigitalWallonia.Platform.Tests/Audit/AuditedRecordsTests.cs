using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Dossiers;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Audit;

/// <summary>The dossier's state, its decisions and its instalments are in its audit trail, and verified against it.</summary>
public class AuditedRecordsTests
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);
    private static readonly Actor Supervisor = new("supervisor-1", "Sam Supervisor", ["supervisor"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_granted_dossier_records_its_decision_and_instalment_in_the_trail_and_verifies(DatabaseProvider provider)
    {
        await using var platform = await GrantedAsync(provider);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var kinds = await db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();

        Assert.Contains(AuditedRecords.DecisionRecorded, kinds);
        Assert.Contains(AuditedRecords.InstalmentScheduled, kinds);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, null, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_state_changed_outside_the_workflow_is_reported(DatabaseProvider provider)
    {
        await using var platform = await GrantedAsync(provider);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        await db.Dossiers.ExecuteUpdateAsync(s => s.SetProperty(d => d.State, "review"));

        var finding = Assert.Single(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, null, CancellationToken.None));
        Assert.Contains("is in state 'review' but its trail leaves it in 'granted'", finding.Problem, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_decision_amount_changed_in_its_table_is_reported(DatabaseProvider provider)
    {
        await using var platform = await GrantedAsync(provider);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        await db.Decisions.ExecuteUpdateAsync(s => s.SetProperty(d => d.Amount, 90_000m));

        var finding = Assert.Single(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, null, CancellationToken.None));
        Assert.Contains("(grant) is not the one the trail records", finding.Problem, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_instalment_marked_paid_or_changed_outside_the_workflow_is_reported(DatabaseProvider provider)
    {
        await using var platform = await GrantedAsync(provider);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        await db.Instalments.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, "paid").SetProperty(i => i.Amount, 25_000m));

        var findings = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, null, CancellationToken.None);
        Assert.Contains(findings, f => f.Problem.Contains("is not the one the trail schedules", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Problem.Contains("is marked paid but the trail records no payment", StringComparison.Ordinal));
    }

    private static async Task<TestPlatform> GrantedAsync(DatabaseProvider provider)
    {
        var platform = await TestPlatform.StartAsync(provider);
        var reference = await DossierWorkflowTests.ReviewAsync(platform, 40_000m);
        await FireAsync(platform, reference, new ActorActionFired("propose"), Handler);
        Assert.Equal("granted", (await FireAsync(platform, reference, new ActorActionFired("approve"), Supervisor)).State);
        return platform;
    }
}
