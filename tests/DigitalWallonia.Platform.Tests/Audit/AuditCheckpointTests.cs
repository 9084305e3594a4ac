using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Audit;

public class AuditCheckpointTests
{
    private static readonly AuditKey Key = new(new byte[32]);
    private static readonly AuditTrail Trail = new(Key, TimeProvider.System);
    private static readonly AuditCheckpoints Checkpoints = new(Key, TimeProvider.System);
    private static readonly AuditVerifier Verifier = new(Trail, Checkpoints);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_trail_cut_short_with_its_head_reset_is_reported_once_a_checkpoint_sealed_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000001", events: 4);
        await using var db = database.CreateContext();
        Assert.NotNull(await Checkpoints.TakeAsync(db, CancellationToken.None));

        await AuditTampering.RewindAsync(db, "RENTIC-2026-000001", toSequence: 2);
        var findings = await Verifier.VerifyAsync(db, null, CancellationToken.None);

        var finding = Assert.Single(findings);
        Assert.Equal(("RENTIC-2026-000001", 4L), (finding.Reference, finding.Sequence));
        Assert.Contains("checkpoint 1 sealed event 4: events were removed and the head reset", finding.Problem, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_later_checkpoint_does_not_seal_a_rewound_head_even_when_the_trail_grows_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000001", events: 3);
        await using (var db = database.CreateContext())
        {
            await Checkpoints.TakeAsync(db, CancellationToken.None);
            await AuditTampering.RewindAsync(db, "RENTIC-2026-000001", toSequence: 1);
        }

        await AuditTampering.AppendAsync(database, "RENTIC-2026-000001", events: 4); // now at event 5, past the sealed 3, on a rewritten trail
        await using var check = database.CreateContext();
        Assert.Null(await Checkpoints.TakeAsync(check, CancellationToken.None));

        var finding = Assert.Single(await Verifier.VerifyAsync(check, null, CancellationToken.None));
        Assert.Contains("is not the one checkpoint 1 sealed", finding.Problem, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_dossier_deleted_with_its_events_is_reported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000001", events: 2);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000002", events: 2);
        await using var db = database.CreateContext();
        await Checkpoints.TakeAsync(db, CancellationToken.None);

        var id = await db.Dossiers.Where(d => d.Reference == "RENTIC-2026-000002").Select(d => d.Id).SingleAsync();
        await db.AuditEvents.Where(e => e.DossierId == id).ExecuteDeleteAsync();
        await db.Dossiers.Where(d => d.Id == id).ExecuteDeleteAsync();

        var finding = Assert.Single(await Verifier.VerifyAsync(db, null, CancellationToken.None));
        Assert.Equal("RENTIC-2026-000002", finding.Reference);
        Assert.Contains("deleted with its events", finding.Problem, StringComparison.Ordinal);
        Assert.Contains(await Verifier.VerifyAsync(db, "RENTIC-2026-000002", CancellationToken.None),
            f => f.Problem.Contains("deleted with its events", StringComparison.Ordinal));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Checkpoints_seal_only_the_heads_that_moved_and_an_untouched_database_verifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000001", events: 2);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000002", events: 1);
        await using var db = database.CreateContext();

        var first = await Checkpoints.TakeAsync(db, CancellationToken.None);
        var nothingMoved = await Checkpoints.TakeAsync(db, CancellationToken.None);
        await AuditTampering.AppendAsync(database, "RENTIC-2026-000002", events: 1);
        var second = await Checkpoints.TakeAsync(db, CancellationToken.None);

        Assert.Null(nothingMoved);
        Assert.Equal(2, JsonNode.Parse(first!.HeadsJson)!.AsArray().Count);
        Assert.StartsWith("[[2,\"RENTIC-2026-000002\",2,", second!.HeadsJson, StringComparison.Ordinal);
        Assert.Equal(first.Mac, second.PreviousMac);
        Assert.Empty(await Verifier.VerifyAsync(db, null, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_modified_or_removed_checkpoint_is_reported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000001", events: 1);
        await using var db = database.CreateContext();
        await Checkpoints.TakeAsync(db, CancellationToken.None);
        await AuditTampering.AppendAsync(database, "RENTIC-2026-000001", events: 1);
        await Checkpoints.TakeAsync(db, CancellationToken.None);
        await AuditTampering.AppendAsync(database, "RENTIC-2026-000001", events: 1);
        await Checkpoints.TakeAsync(db, CancellationToken.None);

        await db.AuditCheckpoints.Where(c => c.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(c => c.HeadsJson, "[]"));
        await db.AuditCheckpoints.Where(c => c.Sequence == 1).ExecuteDeleteAsync();
        var findings = await Verifier.VerifyAsync(db, null, CancellationToken.None);

        Assert.Contains(findings, f => f.Reference == "checkpoint" && f.Sequence == 1 && f.Problem.Contains("are missing", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Reference == "checkpoint" && f.Sequence == 3 && f.Problem.Contains("does not match its MAC", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task Two_nodes_checkpointing_at_once_leave_one_chain()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Postgres);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000001", events: 1);

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.CreateContext();
            return await Checkpoints.TakeAsync(db, CancellationToken.None);
        }));

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.AuditCheckpoints.CountAsync());
        Assert.Single(taken, t => t is not null);
        Assert.Empty(await Verifier.VerifyAsync(check, null, CancellationToken.None));
    }
}
