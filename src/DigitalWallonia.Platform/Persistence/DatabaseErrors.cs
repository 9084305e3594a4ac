using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>What a provider's error means for the platform, from each provider's documented error codes.</summary>
internal static class DatabaseErrors
{
    // SQLite: SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE (extended codes of SQLITE_CONSTRAINT, 19).
    private const int SqliteConstraint = 19;
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteUnique = 2067;

    // SQL Server: a PRIMARY KEY or UNIQUE constraint (2627), a unique index (2601), chosen as a deadlock victim (1205).
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerDeadlockVictim = 1205;

    /// <summary>A primary key or unique index refused the row: another writer stored the same key first.</summary>
    public static bool IsUniqueViolation(Exception? e) => e switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqlitePrimaryKey or SqliteUnique,
        SqlException s => s.Number is SqlServerUniqueConstraint or SqlServerUniqueIndex,
        _ => false,
    };

    /// <summary>
    /// A concurrent writer of the same dossier won: it stored the same step of the dossier's history or audit trail first
    /// (their unique indexes on dossier and sequence), or the server aborted this transaction in favour of another (a
    /// serialization failure on PostgreSQL, a deadlock victim on SQL Server). Nothing of the transaction was kept. Any other
    /// constraint error (a foreign key, another unique index, a trigger) is a fault, not a race, and must surface.
    /// </summary>
    public static bool IsLostRace(Exception? e) => e switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.SerializationFailure
            || p.SqlState == PostgresErrorCodes.UniqueViolation && StepIndexes.Any(i => i.Name == p.ConstraintName),
        // SQLite names the columns, not the index: "UNIQUE constraint failed: DossierHistory.DossierId, DossierHistory.Sequence".
        SqliteException s => s.SqliteExtendedErrorCode == SqliteUnique && StepIndexes.Any(i => s.Message.Contains(i.Columns, StringComparison.Ordinal)),
        // SQL Server names the index in the message of error 2601 ("... with unique index 'IX_...'").
        SqlException s => s.Number == SqlServerDeadlockVictim
            || s.Number is SqlServerUniqueConstraint or SqlServerUniqueIndex && StepIndexes.Any(i => s.Message.Contains($"'{i.Name}'", StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>A stale version of a row (the dossier's concurrency token) or a lost race (<see cref="IsLostRace"/>): someone else won.</summary>
    public static bool IsConflict(Microsoft.EntityFrameworkCore.DbUpdateException e) =>
        e is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException || IsLostRace(e.InnerException);

    private static readonly (string Name, string Columns)[] StepIndexes =
    [
        ("IX_DossierHistory_DossierId_Sequence", "DossierHistory.DossierId, DossierHistory.Sequence"),
        ("IX_AuditEvents_DossierId_Sequence", "AuditEvents.DossierId, AuditEvents.Sequence"),
    ];
}
