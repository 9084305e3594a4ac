using System.Collections.Specialized;
using System.Globalization;
using DigitalWallonia.Platform.Persistence;
using Microsoft.Data.Sqlite;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// The Quartz configuration of one node: ADO job store on the platform's own database and tables
/// (<see cref="QuartzJobStoreMigration"/>), clustered on PostgreSQL and SQL Server, a single node on SQLite.
/// </summary>
public static class QuartzProperties
{
    /// <summary>The table prefix of <see cref="QuartzJobStoreMigration"/>; lower case, as PostgreSQL folds Quartz's unquoted names.</summary>
    public const string TablePrefix = "qrtz_";

    public static NameValueCollection Build(SchedulingOptions scheduling, DatabaseOptions database, string? connectionString, SchedulerNode node)
    {
        ArgumentNullException.ThrowIfNull(scheduling);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(node);
        var (driverDelegate, provider) = database.Provider switch
        {
            DatabaseProvider.Sqlite => ("Quartz.Impl.AdoJobStore.SQLiteDelegate, Quartz", "SQLite-Microsoft"),
            DatabaseProvider.Postgres => ("Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz", "Npgsql"),
            // Quartz's "SqlServer" provider is Microsoft.Data.SqlClient on .NET (the client EF Core's provider brings).
            DatabaseProvider.SqlServer => ("Quartz.Impl.AdoJobStore.SqlServerDelegate, Quartz", "SqlServer"),
            _ => throw new InvalidOperationException($"Database:Provider '{database.Provider}' has no Quartz job store."),
        };
        var server = database.Provider != DatabaseProvider.Sqlite;
        var clustered = scheduling.Clustered ?? server;
        if (clustered && !server)
        {
            throw new InvalidOperationException(
                "Scheduling:Clustered needs Database:Provider Postgres or SqlServer; Quartz does not cluster on SQLite.");
        }

        // Quartz keeps data sources in a process-wide registry by name: a fixed name would let the last scheduler created
        // in a process (another host, a test) redirect every other scheduler to its own database.
        var dataSource = "platform_" + Guid.NewGuid().ToString("N");
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = scheduling.InstanceName,
            ["quartz.scheduler.instanceId"] = node.Id,
            ["quartz.threadPool.maxConcurrency"] = Invariant(scheduling.ThreadCount),
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = driverDelegate,
            ["quartz.jobStore.dataSource"] = dataSource,
            [$"quartz.dataSource.{dataSource}.provider"] = provider,
            [$"quartz.dataSource.{dataSource}.connectionString"] = server
                ? connectionString ?? throw new InvalidOperationException($"ConnectionStrings:Default is empty; the {database.Provider} job store needs it.")
                : SqliteConnectionString(connectionString, database),
            ["quartz.jobStore.tablePrefix"] = TablePrefix,
            ["quartz.jobStore.clustered"] = clustered ? "true" : "false",
            ["quartz.jobStore.clusterCheckinInterval"] = Invariant((long)scheduling.ClusterCheckinInterval.TotalMilliseconds),
            // Without it two nodes may acquire the same trigger between the select and the update.
            ["quartz.jobStore.acquireTriggersWithinLock"] = "true",
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.serializer.type"] = typeof(JsonObjectSerializer).AssemblyQualifiedName,
        };
        foreach (var (key, value) in scheduling.Quartz)
        {
            properties[key] = value;
        }

        return properties;
    }

    // The same file as EF Core's, waiting for the other writers' locks like EF's connections do.
    private static string SqliteConnectionString(string? connectionString, DatabaseOptions database)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString)
        {
            DefaultTimeout = database.SqliteBusyTimeoutSeconds,
            ForeignKeys = true,
        };
        return builder.ToString();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
