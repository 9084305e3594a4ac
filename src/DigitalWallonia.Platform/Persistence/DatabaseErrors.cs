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
    /// A concurrent writer won: the same key stored first, or the server aborted this transaction in favour of another
    /// (a serialization failure on PostgreSQL, a deadlock victim on SQL Server). Nothing of the transaction was kept.
    /// On SQLite any constraint failure counts, as a second writer of the same history step is the only one expected.
    /// </summary>
    public static bool IsLostRace(Exception? e) => e switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure,
        SqliteException s => s.SqliteErrorCode == SqliteConstraint,
        SqlException s => s.Number is SqlServerUniqueConstraint or SqlServerUniqueIndex or SqlServerDeadlockVictim,
        _ => false,
    };
}
