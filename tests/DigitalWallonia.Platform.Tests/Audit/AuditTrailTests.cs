using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Audit;

public class AuditTrailTests
{
    private static readonly AuditTrail Trail = new(new AuditKey(new byte[32]), TimeProvider.System);
    private static readonly AuditVerifier Verifier = new(Trail, new AuditCheckpoints(new AuditKey(new byte[32]), TimeProvider.System));

    [Theory, OnSqlite, OnPostgres]
    public async Task An_untouched_trail_verifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await WriteTrailAsync(database, events: 4);
        await using var db = database.CreateContext();

        Assert.Empty(await Verifier.VerifyAsync(db, null, CancellationToken.None));
        Assert.Equal(4, (await db.Dossiers.SingleAsync()).AuditHeadSequence);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_modified_payload_is_reported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await WriteTrailAsync(database, events: 3);
        await using var db = database.CreateContext();
        await db.AuditEvents.Where(e => e.Sequence == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, "{\"state\":\"granted\"}"));

        var finding = Assert.Single(await Verifier.VerifyAsync(db, "RENTIC-2026-000001", CancellationToken.None));

        Assert.Equal(2, finding.Sequence);
        Assert.Contains("payload was modified", finding.Problem, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deleted_event_in_the_middle_is_reported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await WriteTrailAsync(database, events: 4);
        await using var db = database.CreateContext();
        await db.AuditEvents.Where(e => e.Sequence == 2).ExecuteDeleteAsync();

        var findings = await Verifier.VerifyAsync(db, null, CancellationToken.None);

        Assert.Contains(findings, f => f.Sequence == 2 && f.Problem.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Sequence == 3 && f.Problem.Contains("does not match its hash", StringComparison.Ordinal));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_truncated_trail_is_reported_even_when_the_last_event_is_the_one_removed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await WriteTrailAsync(database, events: 3);
        await using var db = database.CreateContext();
        await db.AuditEvents.Where(e => e.Sequence == 3).ExecuteDeleteAsync();

        var finding = Assert.Single(await Verifier.VerifyAsync(db, null, CancellationToken.None));

        Assert.Contains("trail ends at event 2", finding.Problem, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Erasing_personal_data_keeps_the_trail_verifiable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await WriteTrailAsync(database, events: 2);
        await using (var db = database.CreateContext())
        {
            foreach (var e in await db.AuditEvents.ToListAsync())
            {
                e.ErasePersonalData();
            }

            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        Assert.All(await check.AuditEvents.ToListAsync(), e => Assert.Null(e.PersonalData));
        Assert.Empty(await Verifier.VerifyAsync(check, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_chain_written_with_another_key_does_not_verify()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await WriteTrailAsync(database, events: 1);
        await using var db = database.CreateContext();
        var otherKey = new AuditVerifier(new AuditTrail(new AuditKey(Enumerable.Repeat((byte)7, 32).ToArray()), TimeProvider.System), new AuditCheckpoints(new AuditKey(Enumerable.Repeat((byte)7, 32).ToArray()), TimeProvider.System));

        Assert.NotEmpty(await otherKey.VerifyAsync(db, null, CancellationToken.None));
    }

    private static async Task WriteTrailAsync(TestDatabase database, int events)
    {
        await using var db = database.CreateContext();
        var dossier = Dossier.Open("RENTIC-2026-000001", "rentic", "draft", DateTimeOffset.UnixEpoch);
        db.Dossiers.Add(dossier);
        for (var i = 1; i <= events; i++)
        {
            Trail.Append(db, dossier, "transition", "subject-42", null, new JsonObject { ["step"] = i },
                new JsonObject { ["name"] = "Claire Dubois" });
            await db.SaveChangesAsync();
        }
    }
}
