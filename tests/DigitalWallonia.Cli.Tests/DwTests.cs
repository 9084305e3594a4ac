using DigitalWallonia.Cli;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Cli.Tests;

public class DwTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (code, stdout, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("db ", stdout, StringComparison.Ordinal);
        Assert.Contains("rules", stdout, StringComparison.Ordinal);
        Assert.Contains("workflows", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var (code, _, stderr) = await RunAsync("frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("unknown command 'frobnicate'", stderr, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Db_migrate_creates_the_schema_and_then_reports_it_up_to_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);

        var first = await RunAsync("db", "migrate", "--provider", provider.ToString(), "--connection", database.ConnectionString);
        var second = await RunAsync("db", "migrate", "--provider", provider.ToString(), "--connection", database.ConnectionString);

        Assert.Equal(0, first.Code);
        // Initial and the Quartz job store tables (more as the model grows).
        Assert.Matches(@"Applied [1-9]\d* migration\(s\)", first.Stdout);
        Assert.Equal(0, second.Code);
        Assert.Contains("up to date", second.Stdout, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Audit_verify_reports_an_intact_database_and_exits_0()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        var key = Path.Combine(Path.GetTempPath(), $"dw-{Guid.NewGuid():N}.key");

        var (code, stdout, _) = await RunAsync("audit", "verify", "--connection", database.ConnectionString, "--Audit:KeyFile", key);

        Assert.Equal(0, code);
        Assert.Contains("intact", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_of_an_unknown_reference_exits_1()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);

        var key = Path.Combine(Path.GetTempPath(), $"dw-{Guid.NewGuid():N}.key");

        var (code, _, stderr) = await RunAsync("audit", "verify", "RENTIC-1999-000001", "--connection", database.ConnectionString, "--Audit:KeyFile", key);

        Assert.Equal(1, code);
        Assert.Contains("No dossier has this reference", stderr, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Dw.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
