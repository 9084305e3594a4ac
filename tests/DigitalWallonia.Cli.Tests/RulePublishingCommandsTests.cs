using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;

namespace DigitalWallonia.Cli.Tests;

/// <summary><c>dw rules import|approve|publish|export</c> on a database seeded from the repository's rules/.</summary>
public sealed class RulePublishingCommandsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("dw-rules-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_imported_draft_is_approved_by_a_second_officer_published_and_exported_as_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        var rules = Path.Combine(TestContent.RepositoryRoot(), "rules");
        var draft = Path.Combine(_work, "rentic", "rentic-amount.v2.json");
        Directory.CreateDirectory(Path.GetDirectoryName(draft)!);
        var source = RuleSetSources.LowerCeiling(await File.ReadAllTextAsync(Path.Combine(rules, "rentic", "rentic-amount.json")), "2026-03-10", 10_000)
            .Replace("\"Version\": 1", "\"Version\": 2", StringComparison.Ordinal);
        await File.WriteAllTextAsync(draft, source);

        var imported = await DwAsync(database, "rules", "import", draft, "--by", "nadia.benali");
        var byAuthor = await DwAsync(database, "rules", "approve", "1", "--by", "nadia.benali");
        var unapproved = await DwAsync(database, "rules", "publish", "1", "--by", "nadia.benali");
        var approved = await DwAsync(database, "rules", "approve", "1", "--by", "pierre.collard");
        var published = await DwAsync(database, "rules", "publish", "1", "--by", "pierre.collard");
        var export = Path.Combine(_work, "export");
        var exported = await DwAsync(database, "rules", "export", export);

        Assert.Equal((0, true), (imported.Code, imported.Stdout.Contains("draft 1 (rentic/rentic-amount.v2.json)", StringComparison.Ordinal)));
        Assert.Equal((1, true), (byAuthor.Code, byAuthor.Stderr.Contains("cannot approve", StringComparison.Ordinal)));
        Assert.Equal((1, true), (unapproved.Code, unapproved.Stderr.Contains("not approved", StringComparison.Ordinal)));
        Assert.Equal(0, approved.Code);
        Assert.Equal((0, "draft 1 published by pierre.collard"), (published.Code, published.Stdout.Trim()));
        Assert.Equal(0, exported.Code);
        Assert.Equal(await File.ReadAllBytesAsync(draft), await File.ReadAllBytesAsync(Path.Combine(export, "rentic", "rentic-amount.v2.json")));
        Assert.All(Directory.EnumerateFiles(rules, "*.json", SearchOption.AllDirectories),
            f => Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(export, Path.GetRelativePath(rules, f)))));
    }

    [Fact]
    public async Task Import_reports_a_typo_at_its_line_and_column()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        var rules = Path.Combine(TestContent.RepositoryRoot(), "rules");
        var draft = Path.Combine(_work, "rentic", "rentic-amount.v2.json");
        Directory.CreateDirectory(Path.GetDirectoryName(draft)!);
        var source = (await File.ReadAllTextAsync(Path.Combine(rules, "rentic", "rentic-amount.json")))
            .Replace("\"Version\": 1", "\"Version\": 2", StringComparison.Ordinal).Replace("\"ValidFrom\": \"2017-03-01\",\n    \"LegalBasis\"", "\"ValidFrom\": \"2027-01-01\",\n    \"LegalBasis\"", StringComparison.Ordinal)
            .Replace("\"eligibleCost > 0\"", "\"eligibleCosst > 0\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(draft, source);

        var (code, _, stderr) = await DwAsync(database, "rules", "import", draft);

        Assert.Equal(1, code);
        Assert.Contains($"{draft}:{RuleSetSources.LineOf(source, "eligibleCosst")}:24: DW1020", stderr, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Stdout, string Stderr)> DwAsync(TestDatabase database, params string[] args) =>
        DwTests.RunAsync(
        [
            .. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString,
            "--Content:Root", TestContent.RepositoryRoot(), "--Audit:Key", Convert.ToBase64String(new byte[32]),
        ]);
}
