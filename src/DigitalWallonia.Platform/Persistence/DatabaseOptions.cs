namespace DigitalWallonia.Platform.Persistence;

/// <summary>
/// Which database to use. Bound from the <c>Database</c> section; the connection string is <c>ConnectionStrings:Default</c>
/// (environment: <c>Database__Provider</c>, <c>ConnectionStrings__Default</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file used when no connection string is configured, relative to the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=./data/digitalwallonia.db";

    /// <summary>Defaults to <see cref="DatabaseProvider.Sqlite"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>How long a SQLite writer waits for another process's lock before failing. Defaults to 30 seconds.</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;
}
