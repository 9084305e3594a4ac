using System.Text;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Documents;

public class DocumentArchiveTests
{
    private static readonly ManualClock Clock = new(OutboxScenario.Start);
    private static readonly DocumentArchive Archive = new(new DatabaseDocumentContentStore(), Clock);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stored_document_reads_back_with_its_size_and_hash(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var dossier = await DossierAsync(db);
        var bytes = Encoding.UTF8.GetBytes("Attestation – société");

        var stored = await Archive.AddAsync(db, new NewDocument(dossier.Id, DocumentKinds.Upload, null, "text/plain", "attestation.txt", "user-42"), bytes, CancellationToken.None);
        await db.SaveChangesAsync();
        await using var reader = database.CreateContext();
        var read = await Archive.ReadAsync(reader, stored.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(bytes, read.Value.Content);
        Assert.Equal((bytes.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), OutboxScenario.Start, "user-42"),
            (read.Value.Document.Size, read.Value.Document.Sha256, read.Value.Document.CreatedAt, read.Value.Document.CreatedBy));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Content_changed_behind_the_platforms_back_is_detected_on_read(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var dossier = await DossierAsync(db);
        var stored = await Archive.AddAsync(db, new NewDocument(dossier.Id, DocumentKinds.Upload, null, "text/plain", "a.txt", "u"), [1, 2, 3], CancellationToken.None);
        await db.SaveChangesAsync();

        await db.DocumentContents.ExecuteUpdateAsync(s => s.SetProperty(c => c.Bytes, new byte[] { 1, 2, 4 }));

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => Archive.ReadAsync(db, stored.Id, CancellationToken.None));
    }

    [Theory, OnSqlite]
    public async Task A_stored_document_cannot_be_changed_through_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var dossier = await DossierAsync(db);
        var stored = await Archive.AddAsync(db, new NewDocument(dossier.Id, DocumentKinds.Upload, null, "text/plain", "a.txt", "u"), [1], CancellationToken.None);
        await db.SaveChangesAsync();

        db.Entry(stored).Property(d => d.FileName).CurrentValue = "renamed.txt";

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("immutable", e.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_decision_letter_is_stored_as_rendered_html_that_supersedes_the_previous_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var dossier = await DossierAsync(db);
        var issuer = new DocumentIssuer(OutboxScenario.Renderer, Archive);
        var model = TemplateRenderingTests.Example("decision-letter");
        var first = await issuer.IssueAsync(db, dossier.Id, DocumentKinds.DecisionLetter, "decision-letter", "fr", model, "handler-7", null, CancellationToken.None);
        await db.SaveChangesAsync();

        var second = await issuer.IssueAsync(db, dossier.Id, DocumentKinds.DecisionLetter, "decision-letter", "nl", model, "handler-7", first.Id, CancellationToken.None);
        await db.SaveChangesAsync();

        var (document, content) = (await Archive.ReadAsync(db, second.Id, CancellationToken.None))!.Value;
        Assert.Equal((DocumentKinds.DecisionLetter, "fr", DocumentIssuer.HtmlMediaType, first.Id), (document.Kind, document.Language, document.MediaType, document.SupersedesId));
        var html = Encoding.UTF8.GetString(content);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains("Montant octroyé</td><td><strong>18\u202F750,00\u00A0€</strong>", html, StringComparison.Ordinal);
    }

    private static async Task<Dossier> DossierAsync(PlatformDbContext db)
    {
        var dossier = Dossier.Open("RENTIC-2026-000123", "rentic", "decided", OutboxScenario.Start);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier;
    }
}
