using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Persistence;

public class ConcurrencyTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Each_saved_update_increments_the_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        var id = await CreateDossierAsync(database);

        await using (var db = database.CreateContext())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            dossier.MoveTo("under-review");
            await db.SaveChangesAsync();
            dossier.MoveTo("decided");
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        Assert.Equal(3, (await check.Dossiers.SingleAsync(d => d.Id == id)).Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_writer_holding_a_stale_copy_gets_a_concurrency_conflict_and_loses_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        var id = await CreateDossierAsync(database);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Dossiers.SingleAsync(d => d.Id == id);
        var theirs = await second.Dossiers.SingleAsync(d => d.Id == id);

        mine.MoveTo("accepted");
        await first.SaveChangesAsync();
        theirs.MoveTo("refused");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        var stored = await check.Dossiers.SingleAsync(d => d.Id == id);
        Assert.Equal("accepted", stored.State);
        Assert.Equal(2, stored.Version);
    }

    private static async Task<long> CreateDossierAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var dossier = Dossier.Open("RENTIC-2026-000001", "rentic", "submitted", DateTimeOffset.UnixEpoch);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier.Id;
    }
}
