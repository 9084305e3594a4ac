using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Persistence;

public class MigrationTests
{
    // Offline: comparing the model with a provider's migration snapshot needs no server, so SQL Server is checked here too.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=offline")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=offline")]
    public void Each_providers_migrations_describe_exactly_the_current_model(DatabaseProvider provider, string unusedConnection)
    {
        using var db = PlatformDbContext.Create(new DatabaseOptions { Provider = provider }, unusedConnection);

        // Fails when an entity changed without a migration (or a migration without the entity): regenerate Initial with
        // tools/add-migration.sh --regenerate-initial (docs/development.md, "Migrations").
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes that no migration holds.");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Contains(QuartzJobStoreMigration.Id, db.Database.GetMigrations());
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task The_migrations_describe_exactly_the_current_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task The_embedded_database_uses_write_ahead_logging_and_a_busy_timeout()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("30000", await ScalarAsync(connection, "PRAGMA busy_timeout"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys"));
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
