using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>
/// Sets the pragmas every SQLite connection needs: WAL so that readers never block the writer (the web host, the
/// dispatcher and the scheduler share one file), and a busy timeout so that a writer waits for another process's lock
/// instead of failing at once.
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreatePragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreatePragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreatePragmas(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutSeconds * 1000}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        return command;
    }
}
