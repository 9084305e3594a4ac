namespace DigitalWallonia.Platform.Tests.Databases;

/// <summary>The PostgreSQL server started by test.sh, named by DW_TEST_POSTGRES.</summary>
public static class PostgresServer
{
    public const string Variable = "DW_TEST_POSTGRES";

    public static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string ConnectionString => Configured
        ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    /// <summary>
    /// Why PostgreSQL tests are skipped, or null when they run. On CI (CI set) they never skip: a missing server fails them.
    /// </summary>
    public static string? SkipReason =>
        Configured is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? $"{Variable} is not set; ./test.sh starts PostgreSQL and sets it."
            : null;
}
