using DigitalWallonia.Platform.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DigitalWallonia.Platform.Tests.Databases;

/// <summary>
/// A database of its own for one test: a temporary SQLite file, a new database on the PostgreSQL server that test.sh
/// starts (DW_TEST_POSTGRES), or a new database on SQL Server (<see cref="SqlServerServer"/>). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _serverDatabase;
    private readonly string? _server;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? serverDatabase, string? server)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _serverDatabase = serverDatabase;
        _server = server;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Provider };

    /// <summary>Creates an empty database; <see cref="MigratedAsync"/> also applies the migrations.</summary>
    public static async Task<TestDatabase> EmptyAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("dw-test-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")}", folder, null, null);
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            return await EmptySqlServerAsync();
        }

        var server = PostgresServer.ConnectionString;
        var name = $"dw_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, name, server);
    }

    // The database's own collation is the case-insensitive one most SQL Servers default to: the platform must not
    // depend on it (SqlServerPlatformDbContext.OrdinalCollation).
    private static async Task<TestDatabase> EmptySqlServerAsync()
    {
        var server = await SqlServerServer.ConnectionStringAsync();
        var name = $"dw_{Guid.NewGuid():N}";
        await using (var connection = new SqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new SqlCommand($"CREATE DATABASE [{name}] COLLATE SQL_Latin1_General_CP1_CI_AS", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = name };
        return new TestDatabase(DatabaseProvider.SqlServer, builder.ConnectionString, null, name, server);
    }

    public static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await EmptyAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public PlatformDbContext CreateContext() => PlatformDbContext.Create(Options, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        if (_serverDatabase is not null && Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_serverDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_serverDatabase is not null && Provider == DatabaseProvider.SqlServer)
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new SqlCommand(
                $"ALTER DATABASE [{_serverDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_serverDatabase}]", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
