using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>Hands out dossier references (RENTIC-2026-000123) without gaps caused by races.</summary>
public static class DossierReferences
{
    private const string FirstOfYear = "dossier_reference_counter";

    /// <summary>
    /// Takes the next number for <paramref name="programme"/> in <paramref name="year"/>. Must run inside the transaction
    /// that saves the dossier: the counter row stays locked until it commits, so two dossiers never share a number and a
    /// rolled-back dossier gives its number back. Every other number of the programme waits for that commit, so take it
    /// last, once the rules are evaluated: <see cref="DossierWorkflow.OpenAsync"/> decides the start first, and a firing
    /// issuing a certificate takes its number while writing an outcome already decided.
    /// </summary>
    public static async Task<string> NextAsync(PlatformDbContext db, string programme, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(programme);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A dossier reference must be taken inside the transaction that saves the dossier.");
        var key = programme.ToUpperInvariant();
        while (true)
        {
            var counted = await db.DossierReferenceCounters
                .Where(c => c.Programme == key && c.Year == year)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
            if (counted == 1)
            {
                var number = await db.DossierReferenceCounters
                    .Where(c => c.Programme == key && c.Year == year)
                    .Select(c => c.LastNumber)
                    .SingleAsync(cancellationToken);
                return Format(key, year, number);
            }

            if (await TryStartCounterAsync(db, transaction, key, year, cancellationToken))
            {
                return Format(key, year, 1);
            }

            // Another transaction created the counter first and has committed: count on its row.
        }
    }

    public static string Format(string programme, int year, long number) =>
        $"{programme.ToUpperInvariant()}-{year:0000}-{number:000000}";

    // The first dossier of a programme in a year creates its counter at 1. Two first dossiers may try at once: the
    // second insert waits for the first transaction and fails on the primary key when it commits. The savepoint keeps the
    // caller's transaction usable after that failure (PostgreSQL aborts a whole transaction on an error otherwise); the
    // statement is plain SQL with the names the provider quotes, so it is the same on SQLite, PostgreSQL and SQL Server.
    private static async Task<bool> TryStartCounterAsync(PlatformDbContext db, IDbContextTransaction transaction, string key, int year,
        CancellationToken cancellationToken)
    {
        var counters = db.Model.FindEntityType(typeof(DossierReferenceCounter))!; // part of the model
        var table = StoreObjectIdentifier.Table(counters.GetTableName()!, counters.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(counters.FindProperty(property)!.GetColumnName(table)!);
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({Column(nameof(DossierReferenceCounter.Programme))}, {Column(nameof(DossierReferenceCounter.Year))}, "
            + $"{Column(nameof(DossierReferenceCounter.LastNumber))}) VALUES ({{0}}, {{1}}, 1)";

        await transaction.CreateSavepointAsync(FirstOfYear, cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(insert, [key, year], cancellationToken);
            await transaction.ReleaseSavepointAsync(FirstOfYear, cancellationToken);
            return true;
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e) || DatabaseErrors.IsUniqueViolation(e.InnerException))
        {
            await transaction.RollbackToSavepointAsync(FirstOfYear, cancellationToken);
            return false;
        }
    }
}
