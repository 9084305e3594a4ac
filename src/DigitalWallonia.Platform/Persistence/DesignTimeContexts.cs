using Microsoft.EntityFrameworkCore.Design;

namespace DigitalWallonia.Platform.Persistence;

// `dotnet ef` builds each provider's context through these (tools/add-migration.sh). Scaffolding a migration or a
// script never connects, so the connection strings only name the provider's dialect.
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args) =>
        (SqlitePlatformDbContext)PlatformDbContext.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, "Data Source=:memory:");
}

internal sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args) =>
        (PostgresPlatformDbContext)PlatformDbContext.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, "Host=localhost;Database=design");
}

internal sealed class SqlServerDesignTimeContext : IDesignTimeDbContextFactory<SqlServerPlatformDbContext>
{
    public SqlServerPlatformDbContext CreateDbContext(string[] args) =>
        (SqlServerPlatformDbContext)PlatformDbContext.Create(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, "Server=localhost;Database=design");
}
