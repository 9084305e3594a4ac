using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DigitalWallonia.Platform.Tests.Databases;

/// <summary>
/// A database of its own for one test: a temporary SQLite file, or a new database on the PostgreSQL server that
/// test.sh starts (DW_TEST_POSTGRES). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresName = postgresName;
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
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")}", folder, null);
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
        return new TestDatabase(provider, builder.ConnectionString, null, name);
    }

    public static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await EmptyAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public PlatformDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, Options, ConnectionString);
        return new PlatformDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
