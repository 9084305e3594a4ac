using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>Hands out dossier references (RENTIC-2026-000123) without gaps caused by races.</summary>
public static class DossierReferences
{
    /// <summary>
    /// Takes the next number for <paramref name="programme"/> in <paramref name="year"/>. Must run inside the transaction
    /// that saves the dossier: the counter row stays locked until it commits, so two dossiers never share a number and a
    /// rolled-back dossier gives its number back.
    /// </summary>
    public static async Task<string> NextAsync(PlatformDbContext db, string programme, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A dossier reference must be taken inside the transaction that saves the dossier.");
        }

        var key = programme.ToUpperInvariant();

        // INSERT ... ON CONFLICT DO NOTHING is understood by SQLite (3.24+) and PostgreSQL alike; it makes the first
        // dossier of a year race-free without a unique-violation retry.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DossierReferenceCounters" ("Programme", "Year", "LastNumber") VALUES ({key}, {year}, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);
        await db.DossierReferenceCounters
            .Where(c => c.Programme == key && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
        var number = await db.DossierReferenceCounters
            .Where(c => c.Programme == key && c.Year == year)
            .Select(c => c.LastNumber)
            .SingleAsync(cancellationToken);
        return Format(key, year, number);
    }

    public static string Format(string programme, int year, long number) =>
        $"{programme.ToUpperInvariant()}-{year:0000}-{number:000000}";
}
