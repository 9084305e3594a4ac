using DigitalWallonia.Platform.Persistence;
using Npgsql;

namespace DigitalWallonia.Platform.Benchmarks;

/// <summary>
/// A database of the bench's own: a temporary SQLite file, or a new database on the PostgreSQL server the connection
/// names (with the postmaster's process id, for <see cref="CpuMeter"/>); dropped by the function returned.
/// </summary>
internal static class BenchDatabase
{
    public static async Task<(string Connection, Func<Task> Drop, int? Postmaster)> CreateAsync(DatabaseProvider provider, string server, int? pool)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("dw-bench-").FullName;
            return ($"Data Source={Path.Combine(folder, "bench.db")}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, true);
                return Task.CompletedTask;
            }, null);
        }

        var name = $"dw_bench_{Guid.NewGuid():N}";
        int? postmaster;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
            await using var backend = new NpgsqlCommand("SELECT pg_backend_pid()", admin);
            postmaster = CpuMeter.PostmasterOf((int)(await backend.ExecuteScalarAsync())!); // pg_backend_pid() is never null
        }

        // The platform's own pool size unless --pool says otherwise (PersistenceServiceCollectionExtensions.DefaultPoolSize).
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        if (pool is { } size)
        {
            builder.MaxPoolSize = size;
        }

        return (builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var dropCommand = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await dropCommand.ExecuteNonQueryAsync();
        }, postmaster);
    }
}
