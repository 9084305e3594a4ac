using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Dossiers;

public class DossierReferencesTests
{
    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task References_count_per_programme_and_year(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);

        var references = new List<string>();
        foreach (var (programme, year) in new[] { ("rentic", 2026), ("rentic", 2026), ("voucher", 2026), ("rentic", 2027), ("rentic", 2026) })
        {
            references.Add(await OpenAsync(database, programme, year));
        }

        Assert.Equal(["RENTIC-2026-000001", "RENTIC-2026-000002", "VOUCHER-2026-000001", "RENTIC-2027-000001", "RENTIC-2026-000003"], references);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_rolled_back_dossier_gives_its_number_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await OpenAsync(database, "cyber", 2026);

        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await DossierReferences.NextAsync(db, "cyber", 2026, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Equal("CYBER-2026-000002", await OpenAsync(database, "cyber", 2026));
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Concurrent_submissions_get_distinct_consecutive_references(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);

        var references = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => OpenAsync(database, "label", 2026))));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"LABEL-2026-{n:000000}"), references.Order());
        await using var db = database.CreateContext();
        Assert.Equal(20, await db.Dossiers.CountAsync());
    }

    [Fact]
    public async Task A_reference_outside_a_transaction_is_refused()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => DossierReferences.NextAsync(db, "rentic", 2026, CancellationToken.None));

        Assert.Contains("inside the transaction", e.Message, StringComparison.Ordinal);
    }

    private static async Task<string> OpenAsync(TestDatabase database, string programme, int year)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var reference = await DossierReferences.NextAsync(db, programme, year, CancellationToken.None);
        db.Dossiers.Add(Dossier.Open(reference, programme, "draft", DateTimeOffset.UnixEpoch));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return reference;
    }
}
