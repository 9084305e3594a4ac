using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;

namespace DigitalWallonia.Cli.Tests.Notifications;

public sealed class TemplatesCommandsTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("dw-cli-templates-").FullName;

    internal static string RepositoryTemplates => Path.Combine(TestContent.RepositoryRoot(), "templates");

    [Fact]
    public async Task Templates_check_passes_on_the_repository_templates()
    {
        var (code, stdout, stderr) = await DwTests.RunAsync("templates", "check", "--templates", RepositoryTemplates);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("dossier-received                 email   fr nl de en", stdout, StringComparison.Ordinal);
        Assert.Contains("no problems", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_check_reports_each_problem_as_file_line_column_and_exits_1()
    {
        var templates = Path.Combine(_scratch, "templates");
        Directory.CreateDirectory(Path.Combine(templates, "fr"));
        File.WriteAllText(Path.Combine(templates, "t.model.json"), """{ "fields": { "dossier": { "type": "object", "fields": { "reference": "string" } } } }""");
        File.WriteAllText(Path.Combine(templates, "fr", "t.subject.hbs"), "Dossier {{dossier.reference}");
        File.WriteAllText(Path.Combine(templates, "fr", "t.html.hbs"), "<p>\n  {{dossier.referenc}}\n</p>");
        File.WriteAllText(Path.Combine(templates, "fr", "t.txt.hbs"), "{{#each dossier}}{{/each}}");

        var (code, _, stderr) = await DwTests.RunAsync("templates", "check", "--templates", templates);

        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("templates/fr/t.html.hbs:2:13: DW5003: unknown name 'referenc' in 'dossier'; did you mean 'reference'?", lines);
        Assert.Contains("templates/fr/t.subject.hbs:1:9: DW5001: '{{' is never closed", lines);
        Assert.Contains("templates/fr/t.txt.hbs:1:9: DW5006: 'each' expects a list; 'dossier' is an object", lines);
    }

    [Fact]
    public async Task Templates_preview_renders_a_dossier_in_the_recipients_language()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            var company = Party.Organisation("Eupener Maschinenbau AG", EnterpriseNumber.Parse("0456.123.494"));
            company.AddContact("Jonas Schmitz", "j.schmitz@emb.example", "de");
            var dossier = Dossier.Open("RENTIC-2026-000077", "rentic", "submitted", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
            dossier.AddParty(company, DossierRoles.Applicant);
            dossier.Submit(new DateOnly(2026, 3, 2), 12_500.50m);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
        }

        var output = Path.Combine(_scratch, "preview");
        var (code, stdout, stderr) = await DwTests.RunAsync("templates", "preview", "--dossier", "RENTIC-2026-000077", "--template", "dossier-received",
            "--out", output, "--templates", RepositoryTemplates, "--connection", database.ConnectionString);

        Assert.True(code == 0, stderr);
        Assert.Contains("dossier-received.de.html", stdout, StringComparison.Ordinal);
        Assert.Equal("Ihr Antrag RENTIC-2026-000077 ist eingegangen\n", File.ReadAllText(Path.Combine(output, "dossier-received.de.subject.txt")));
        var text = File.ReadAllText(Path.Combine(output, "dossier-received.de.txt"));
        Assert.StartsWith("Sehr geehrte Damen und Herren,\n", text, StringComparison.Ordinal); // the formal salutation, without a name after it
        Assert.DoesNotContain("Kopie", text, StringComparison.Ordinal); // the applicant's own message, not a copy
        Assert.Contains("am Montag, 2. März 2026 haben wir den im Namen von Eupener Maschinenbau AG (BE 0456.123.494)", text, StringComparison.Ordinal);
        Assert.Contains("Beantragter Betrag: 12.500,50\u00A0€", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", File.ReadAllText(Path.Combine(output, "dossier-received.de.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_preview_of_an_unknown_dossier_exits_1()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);

        var (code, _, stderr) = await DwTests.RunAsync("templates", "preview", "--dossier", "RENTIC-1999-000001", "--template", "dossier-received",
            "--templates", RepositoryTemplates, "--connection", database.ConnectionString);

        Assert.Equal(1, code);
        Assert.Contains("no dossier has the reference 'RENTIC-1999-000001'", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
