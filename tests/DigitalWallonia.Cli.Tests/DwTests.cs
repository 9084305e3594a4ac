using DigitalWallonia.Cli;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
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
        var key = KeyFile();

        var (code, stdout, _) = await RunAsync("audit", "verify", "--connection", database.ConnectionString, "--Audit:KeyFile", key);

        Assert.Equal(0, code);
        Assert.Contains("intact", stdout, StringComparison.Ordinal);
    }

    // An owner-only key file, as the web host writes it.
    internal static string KeyFile()
    {
        var key = Path.Combine(Path.GetTempPath(), $"dw-{Guid.NewGuid():N}.key");
        File.WriteAllText(key, Convert.ToBase64String(new byte[32]));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    [Fact]
    public async Task Audit_verify_with_no_key_where_it_looks_says_where_and_creates_none()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        var key = Path.Combine(Path.GetTempPath(), $"dw-{Guid.NewGuid():N}", "audit.key");

        var (code, _, stderr) = await RunAsync("audit", "verify", "--connection", database.ConnectionString, "--Audit:KeyFile", key);

        Assert.Equal(1, code);
        Assert.Contains($"dw audit: No audit key: Audit:Key is not set and there is no key file at {key}", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(key));
    }

    [Fact]
    public async Task A_key_on_the_command_line_is_warned_about()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);

        var (code, _, stderr) = await RunAsync("audit", "verify", "--connection", database.ConnectionString, "--Audit:Key", Convert.ToBase64String(new byte[32]));

        Assert.Equal(0, code);
        Assert.Contains("--Audit:Key on the command line shows the key in the process list", stderr, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Audit_verify_seals_a_clean_database_and_then_reports_a_trail_cut_short_with_its_head_reset(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await AuditTampering.WriteTrailAsync(database, "RENTIC-2026-000001", events: 3);
        string[] verify = ["audit", "verify", "--provider", provider.ToString(), "--connection", database.ConnectionString, "--Audit:KeyFile", KeyFile()];

        var clean = await RunAsync(verify);
        await using (var db = database.CreateContext())
        {
            await AuditTampering.RewindAsync(db, "RENTIC-2026-000001", toSequence: 1);
        }

        var tampered = await RunAsync(verify);

        Assert.Equal(0, clean.Code);
        Assert.Contains("Latest checkpoint: 1 at ", clean.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, tampered.Code);
        Assert.Equal("RENTIC-2026-000001 #3: The trail ends at event 1 but checkpoint 1 sealed event 3: events were removed and the head reset.",
            tampered.Stderr.Trim());
    }

    [Fact]
    public async Task Audit_verify_of_an_unknown_reference_exits_1()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);

        var key = KeyFile();

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
