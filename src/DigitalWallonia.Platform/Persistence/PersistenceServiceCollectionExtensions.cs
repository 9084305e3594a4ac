using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitalWallonia.Platform.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    // Distinct statements kept prepared per PostgreSQL connection: the platform runs a few dozen hot ones.
    private const int AutoPreparedStatements = 100;

    /// <summary>Connections per process to PostgreSQL when the connection string does not set Maximum Pool Size.</summary>
    public static int DefaultPoolSize { get; } = (2 * Environment.ProcessorCount) + 1;

    /// <summary>
    /// Registers <see cref="PlatformDbContext"/> on the configured provider, scoped, from a pool of reset instances: setting
    /// up a context (its options, its internal services) costs more CPU than a small query does. Configuration is read when
    /// the first context is created, not now, so that test hosts can override it after registration. Each provider's
    /// context type has its own pool; only the configured one is ever filled.
    /// </summary>
    public static IServiceCollection AddPlatformPersistence(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddDbContextPool<SqlitePlatformDbContext>((sp, options) => Configure(sp, options, DatabaseProvider.Sqlite));
        services.AddDbContextPool<PostgresPlatformDbContext>((sp, options) => Configure(sp, options, DatabaseProvider.Postgres));
        services.AddDbContextPool<SqlServerPlatformDbContext>((sp, options) => Configure(sp, options, DatabaseProvider.SqlServer));
        services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqlitePlatformDbContext>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresPlatformDbContext>(),
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerPlatformDbContext>(),
            var other => throw Unsupported(other),
        });
        return services;
    }

    /// <summary>Configures <paramref name="options"/> for a provider; shared by the hosts and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(PrepareSqlite(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString, database))
                    .AddInterceptors(new SqliteConnectionSetup(database.SqliteBusyTimeoutSeconds));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(PreparePostgres(Required(connectionString, database.Provider,
                    "Host=db;Database=digitalwallonia;Username=dw;Password=...")));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(Required(connectionString, database.Provider,
                    "Server=db;Database=digitalwallonia;User Id=dw;Password=...;Encrypt=True"));
                break;
            default:
                throw Unsupported(database.Provider);
        }
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options, DatabaseProvider provider)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Default");
        if (database.Provider != provider)
        {
            throw new InvalidOperationException(
                $"A {provider} context was asked for while Database:Provider is {database.Provider}; ask for PlatformDbContext.");
        }

        Configure(options, database, connectionString);
    }

    private static string Required(string? connectionString, DatabaseProvider provider, string example) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"Database:Provider is {provider} but ConnectionStrings:Default is empty; set ConnectionStrings__Default, e.g. '{example}'.")
            : connectionString;

    private static InvalidOperationException Unsupported(DatabaseProvider provider) =>
        new($"Database:Provider '{provider}' is not supported; use Sqlite, Postgres or SqlServer.");

    // Unless the connection string says otherwise:
    // - statements run often are prepared on each connection (Npgsql's automatic preparation), so PostgreSQL plans them
    //   once per connection instead of at every execution: planning the workflow's dossier load (seven joined tables)
    //   cost more server CPU than running it;
    // - a connection returned to the pool is not reset (seven statements the server would parse and run before the next
    //   use's first command): the platform leaves no session state behind (no SET, temporary table, advisory lock, LISTEN);
    // - at most 2 × cores + 1 connections per process (the PostgreSQL wiki's rule of thumb for a server of this size):
    //   beyond what the cores can run at once, more connections only make requests wait inside the server, where no one
    //   orders them, instead of in the pool's first-come-first-served queue — with 16 concurrent firings on two cores,
    //   16 connections gave a p99 three times the median, 5 gave 1.6 times (docs/benchmarks.md). A larger or remote
    //   server wants its own figure: set Maximum Pool Size.
    internal static string PreparePostgres(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey says whether a keyword exists, not whether it is set: look at the text.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultPoolSize;
        }

        return builder.ConnectionString;
    }

    // The folder of the database file is created on first use, so a fresh clone runs without a setup step.
    private static string PrepareSqlite(string connectionString, DatabaseOptions database)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = database.SqliteBusyTimeoutSeconds,
            ForeignKeys = true,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':') && builder.DataSource.Length > 0)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
