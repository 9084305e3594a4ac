using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Tests;

public sealed class WorkflowPublishingCommandsTests : IDisposable
{
    private readonly string _content = TestContent.CreateFolder();

    public void Dispose() => Directory.Delete(_content, recursive: true);

    [Theory, OnSqlite, OnPostgres]
    public async Task Publish_adds_a_version_once_and_refuses_to_change_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        var file = Path.Combine(_content, "workflows", "grant-test.json");

        var first = await DwAsync(database, "workflows", "publish", file);
        var again = await DwAsync(database, "workflows", "publish", file);
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("Prime de test", "Autre", StringComparison.Ordinal));
        var changed = await DwAsync(database, "workflows", "publish", file);

        Assert.Equal((0, true), (first.Code, first.Stdout.Contains("published grant-test v1", StringComparison.Ordinal)));
        Assert.Equal((0, true), (again.Code, again.Stdout.Contains("already published", StringComparison.Ordinal)));
        Assert.Equal(1, changed.Code);
        Assert.Contains("a published version never changes", changed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_refuses_an_invalid_definition_with_positions()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(_content, "workflows", "broken.json");
        await File.WriteAllTextAsync(file, "{ \"id\": \"broken\", \"version\": 1, \"programme\": \"x\", \"title\": { \"fr\": \"X\" },\n  \"states\": [ { \"id\": \"a\", \"kind\": \"initial\" } ],\n  \"transitions\": [ { \"id\": \"t\", \"from\": \"a\", \"to\": \"nowhere\", \"trigger\": { \"action\": \"go\" } } ] }");

        var (code, _, stderr) = await DwAsync(database, "workflows", "publish", file);

        Assert.Equal(1, code);
        Assert.Contains($"{file}:3:", stderr, StringComparison.Ordinal);
        Assert.Contains("unknown state 'nowhere'", stderr, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_dry_run_lists_each_dossier_and_changes_nothing_then_the_run_moves_them_without_rerunning_steps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        var v1 = Path.Combine(_content, "workflows", "grant-test.json");
        Assert.Equal(0, (await DwAsync(database, "workflows", "publish", v1)).Code);
        var reference = await DossierInReviewAsync(database);
        var v2 = Path.Combine(_content, "grant-test-v2.json");
        await File.WriteAllTextAsync(v2, (await File.ReadAllTextAsync(v1))
            .Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
            .Replace("\"review\"", "\"examination\"", StringComparison.Ordinal));
        Assert.Equal(0, (await DwAsync(database, "workflows", "publish", v2)).Code);
        var map = Path.Combine(_content, "map.json");
        await File.WriteAllTextAsync(map, """{ "workflow": "grant-test", "toVersion": 2, "states": { "review": "examination" }, "deadlines": { "answer": "keep" } }""");
        var before = await SnapshotAsync(database, reference);

        var dry = await DwAsync(database, "workflows", "migrate", "--to", "2", "--map", map, "--dry-run");

        Assert.Equal(0, dry.Code);
        Assert.Contains($"{reference}: v1 'review' -> v2 'examination'; keep answer", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(database, reference));

        var run = await DwAsync(database, "workflows", "migrate", "--to", "2", "--map", map);

        Assert.Equal(0, run.Code);
        Assert.Contains("Migrated 1 dossier(s)", run.Stdout, StringComparison.Ordinal);
        var after = await SnapshotAsync(database, reference);
        Assert.Equal((2, "examination"), (after.Version, after.State));
        Assert.Equal((before.History, before.Outbox, before.Snapshots), (after.History, after.Outbox, after.Snapshots)); // no step re-run
        Assert.Equal(before.Audit + 1, after.Audit);
        Assert.Equal("Pending", after.Deadline);
        var verify = await DwAsync(database, "audit", "verify", reference);
        Assert.Equal(0, verify.Code);
    }

    private async Task<string> DossierInReviewAsync(TestDatabase database)
    {
        await using var services = PlatformServices.Build(CliArgs.Parse(Settings(database)));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var company = Party.Organisation("Forges SRL", EnterpriseNumber.Parse("0123456749"));
        company.AddContact("Claire", "claire@forges.example", "fr");
        db.Parties.Add(company);
        await db.SaveChangesAsync();
        var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();
        var applicant = new Actor("claire", "Claire", ["applicant"], company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var facts = JsonSerializer.SerializeToElement(new { applicant = new { region = "WAL" }, application = new { requestedAmount = 1000 } });
        var (dossier, _) = await workflow.OpenAsync("grant-test", [(company, DossierRoles.Applicant)], facts, applicant, new DateOnly(2026, 3, 2), 1000m, CancellationToken.None);
        var report = await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = new Dictionary<string, JsonElement> { ["requestedAmount"] = JsonSerializer.SerializeToElement(1000) },
        }, applicant, CancellationToken.None);
        Assert.Equal("review", report.State);
        return dossier.Reference;
    }

    private static async Task<(int Version, string State, int History, int Outbox, int Snapshots, long Audit, string Deadline)> SnapshotAsync(TestDatabase database, string reference)
    {
        await using var db = database.CreateContext();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Reference == reference);
        return (dossier.WorkflowVersion, dossier.State,
            await db.DossierHistory.CountAsync(h => h.DossierId == dossier.Id),
            await db.OutboxMessages.CountAsync(m => m.DossierId == dossier.Id),
            await db.EvaluationSnapshots.CountAsync(s => s.DossierId == dossier.Id),
            await db.AuditEvents.CountAsync(e => e.DossierId == dossier.Id),
            (await db.Deadlines.SingleAsync(d => d.DossierId == dossier.Id && d.Status != DeadlineStatus.Cancelled)).Status.ToString());
    }

    private Task<(int Code, string Stdout, string Stderr)> DwAsync(TestDatabase database, params string[] args) =>
        DwTests.RunAsync([.. args, .. Settings(database)]);

    private string[] Settings(TestDatabase database) =>
    [
        "--provider", database.Provider.ToString(), "--connection", database.ConnectionString,
        "--Content:Root", _content, "--Audit:Key", Convert.ToBase64String(new byte[32]),
    ];
}
