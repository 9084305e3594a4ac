using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Persistence;

/// <summary>Money and instants must compare, sort and sum in SQL on every provider, not in memory.</summary>
public class StorageTypesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Amounts_are_ordered_filtered_and_summed_in_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await SaveDossiersAsync(database, [(1_234.56m, Noon), (0.01m, Noon), (99_999_999.99m, Noon), (200_000m, Noon), (null, Noon)]);
        await using var db = database.CreateContext();

        var ordered = await db.Dossiers.Where(d => d.RequestedAmount != null).OrderBy(d => d.RequestedAmount).Select(d => d.RequestedAmount).ToListAsync();
        var inRange = await db.Dossiers.Where(d => d.RequestedAmount >= 1_000m && d.RequestedAmount <= 200_000m).CountAsync();
        var total = await db.Dossiers.SumAsync(d => d.RequestedAmount);
        var largest = await db.Dossiers.MaxAsync(d => d.RequestedAmount);

        Assert.Equal([0.01m, 1_234.56m, 200_000m, 99_999_999.99m], ordered);
        Assert.Equal(2, inRange);
        Assert.Equal(100_201_234.56m, total);
        Assert.Equal(99_999_999.99m, largest);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Instants_are_stored_as_utc_and_compared_in_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        var brussels = new DateTimeOffset(2026, 3, 31, 14, 0, 0, TimeSpan.FromHours(2)); // = Noon UTC
        await SaveDossiersAsync(database, [(1m, brussels), (2m, Noon.AddMicroseconds(1)), (3m, Noon.AddDays(-1)), (4m, Noon.AddMilliseconds(500)), (5m, Noon.AddTicks(9))]);
        await using var db = database.CreateContext();

        var after = await db.Dossiers.Where(d => d.OpenedAt > Noon).OrderBy(d => d.OpenedAt).Select(d => d.RequestedAmount).ToListAsync();
        var first = await db.Dossiers.OrderBy(d => d.OpenedAt).FirstAsync();
        var atNoon = await db.Dossiers.SingleAsync(d => d.RequestedAmount == 1m);

        Assert.Equal([2m, 4m], after);
        Assert.Equal(3m, first.RequestedAmount);
        Assert.Equal(Noon, atNoon.OpenedAt);
        Assert.Equal(TimeSpan.Zero, atNoon.OpenedAt.Offset);
        Assert.Equal(Noon, (await db.Dossiers.SingleAsync(d => d.RequestedAmount == 5m)).OpenedAt); // below a microsecond: cut on every provider
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Legal_dates_are_compared_in_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await SaveDossiersAsync(database, [(1m, Noon), (2m, Noon), (3m, Noon)], [new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 29)]);
        await using var db = database.CreateContext();

        var from2024 = await db.Dossiers.Where(d => d.SubmittedOn >= new DateOnly(2024, 1, 1)).OrderByDescending(d => d.SubmittedOn).Select(d => d.SubmittedOn).ToListAsync();

        Assert.Equal([new DateOnly(2024, 2, 29), new DateOnly(2024, 1, 1)], from2024);
    }

    [Fact]
    public async Task An_amount_with_a_fraction_of_a_cent_is_refused_rather_than_rounded()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => SaveDossiersAsync(database, [(10.005m, Noon)]));

        Assert.Contains("fraction of a cent", e.ToString(), StringComparison.Ordinal);
    }

    private static async Task SaveDossiersAsync(TestDatabase database, (decimal? Amount, DateTimeOffset OpenedAt)[] rows, DateOnly[]? submitted = null)
    {
        await using var db = database.CreateContext();
        for (var i = 0; i < rows.Length; i++)
        {
            var dossier = Dossier.Open(DossierReferences.Format("test", 2026, i + 1), "test", "submitted", rows[i].OpenedAt);
            dossier.Submit(submitted?[i] ?? new DateOnly(2026, 3, 31), rows[i].Amount);
            db.Dossiers.Add(dossier);
        }

        await db.SaveChangesAsync();
    }
}
