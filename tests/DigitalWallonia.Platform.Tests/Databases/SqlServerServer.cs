using Testcontainers.MsSql;

namespace DigitalWallonia.Platform.Tests.Databases;

/// <summary>
/// A SQL Server for the tests: the one named by DW_TEST_SQLSERVER, or else one that Testcontainers.MsSql starts in a
/// container when a Docker engine is reachable. Without either, SQL Server tests are skipped, on CI too: no Docker engine
/// runs on this project's CI machine and no SQL Server can be installed there, so the offline checks
/// (SqlServerMigrationTests) are what CI verifies of SQL Server.
/// </summary>
public static class SqlServerServer
{
    public const string Variable = "DW_TEST_SQLSERVER";

    // One server for the whole test run; each test makes its own database on it (TestDatabase).
    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why SQL Server tests are skipped, or null when they run.</summary>
    public static string? SkipReason =>
        Configured is null && !DockerEngineReachable()
            ? $"No SQL Server: {Variable} is not set and no Docker engine is reachable (DOCKER_HOST unset, no /var/run/docker.sock) for Testcontainers.MsSql."
            : null;

    public static Task<string> ConnectionStringAsync() => Server.Value;

    private static async Task<string> StartAsync()
    {
        if (Configured is { } connectionString)
        {
            return connectionString;
        }

        // Testcontainers' reaper removes the container when the test process ends.
        var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }

    private static bool DockerEngineReachable() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"))
        || File.Exists("/var/run/docker.sock")
        || File.Exists(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker/run/docker.sock"));
}
