using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

/// <summary>Only a concurrent change is reported as a conflict; any other constraint error is a fault and surfaces.</summary>
public class ConstraintErrorTests
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_constraint_error_that_is_not_a_concurrent_change_surfaces_instead_of_a_conflict(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await DossierWorkflowTests.ReviewAsync(platform, 40_000m);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await RefuseAuditEventsAsync(db, provider);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<DossierWorkflow>()
            .FireAsync(reference, new ActorActionFired("refuse"), Handler, CancellationToken.None));

        Assert.Contains("audit store refuses", error.InnerException?.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal("review", await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_system_trigger_hitting_a_constraint_error_is_not_retried_as_a_conflict(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var reference = await DossierWorkflowTests.ReviewAsync(platform, 40_000m);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await RefuseAuditEventsAsync(db, provider);

        await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<DossierWorkflow>()
            .FireAsync(reference, new TimerFired("answer"), Actor.System, CancellationToken.None));
    }

    // A constraint of the database's own that the model does not know: a unique violation (PostgreSQL) or a
    // constraint error (SQLite's RAISE(ABORT)) on every new audit event.
    private static async Task RefuseAuditEventsAsync(PlatformDbContext db, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(
                """CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvents" BEGIN SELECT RAISE(ABORT, 'the audit store refuses new events'); END;""");
            return;
        }

        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit store refuses new events' USING ERRCODE = 'unique_violation', CONSTRAINT = 'IX_AuditEvents_elsewhere'; END $$;
            """);
        await db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION refuse_audit();""");
    }
}
