using System.Net;
using System.Net.Http.Headers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>Uploads and downloads: what is kept, what is refused and how the refusal states the limit.</summary>
public class DocumentApiTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    [Theory, OnSqlite, OnPostgres]
    public async Task An_uploaded_file_is_kept_with_its_hash_and_comes_back_byte_for_byte(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");

        // A name as the browser sent it, folders included: only the file's own name is kept (and never interpreted).
        var uploaded = await UploadAsync(claire, dossier.Reference, "scans/2026/devis <img src=x onerror=alert(1)>.pdf", "application/pdf", Pdf, antiforgery);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var document = await ApiHost.JsonAsync(uploaded);
        var id = document.GetProperty("id").GetInt64();
        Assert.Equal(("devis <img src=x onerror=alert(1)>.pdf", "application/pdf", Pdf.Length), (document.GetProperty("name").GetString(),
            document.GetProperty("mediaType").GetString(), document.GetProperty("size").GetInt32()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), document.GetProperty("sha256").GetString());
        var download = await claire.GetAsync(uploaded.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var listed = await ApiHost.JsonAsync(await claire.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/documents", UriKind.Relative)));
        Assert.Equal([(id, "upload")], listed.EnumerateArray().Select(d => (d.GetProperty("id").GetInt64(), d.GetProperty("kind").GetString())));
        await using var db = database.CreateContext();
        var audit = await db.AuditEvents.Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
        Assert.Equal("document-uploaded", audit[^1]);

        // The document is the dossier's: another company's person, or the same id under another dossier, finds nothing.
        var other = await api.OpenDossierAsync(ApiHost.SofiasCompany);
        var (sofia, _) = await api.SignedInAsync("sofia.martin");
        Assert.Equal(HttpStatusCode.NotFound, (await sofia.GetAsync(uploaded.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sofia.GetAsync(new Uri($"/api/v1/dossiers/{other.Reference}/documents/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_a_message_that_states_the_limit()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database, new Dictionary<string, string> { ["Api:Uploads:MaxBytes"] = "1048576" });
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");
        var big = new byte[1_048_577];
        Pdf.CopyTo(big, 0);

        var response = await UploadAsync(claire, dossier.Reference, "scan.pdf", "application/pdf", big, antiforgery);
        var huge = await UploadAsync(claire, dossier.Reference, "scan.pdf", "application/pdf", new byte[3 * 1_048_576], antiforgery);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("file-too-large", problem.GetProperty("code").GetString());
        Assert.Equal("The file is 1 MB (1,048,577 bytes); the limit is 1 MB (1,048,576 bytes) per file.", problem.GetProperty("detail").GetString());
        Assert.Equal(1_048_576, problem.GetProperty("maxBytes").GetInt64());
        // A request far over the limit is refused before its body is read, with the same limit stated.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("the limit is 1 MB (1,048,576 bytes) per file", (await ApiHost.JsonAsync(huge)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Documents.Where(d => d.DossierId == dossier.Id).ToListAsync());
    }

    [Fact]
    public async Task The_default_limit_is_10_MB_and_the_message_says_so()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");

        var response = await UploadAsync(claire, dossier.Reference, "scan.pdf", "application/pdf", new byte[10 * 1_048_576 + 1], antiforgery);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 10 MB (10,485,760 bytes) per file", (await ApiHost.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt", "text/plain", "Hello", "its type text/plain is not one of those accepted")]
    [InlineData("invoice.pdf", "application/pdf", "MZ\u0090\u0000 an executable", "it says application/pdf but its content is not")]
    [InlineData("photo.png", "image/png", "%PDF-1.7", "it says image/png but its content is not")]
    public async Task A_file_of_a_type_not_accepted_is_refused_with_the_types_accepted(string name, string type, string content, string why)
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");

        var response = await UploadAsync(claire, dossier.Reference, name, type, System.Text.Encoding.Latin1.GetBytes(content), antiforgery);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("media-type-refused", problem.GetProperty("code").GetString());
        Assert.Equal($"'{name}' is not accepted: {why}. Accepted: application/pdf, image/jpeg, image/png.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_upload_then_names_the_document_in_the_action_s_input()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        var (claire, antiforgery) = await api.SignedInAsync("claire.dubois");
        var document = await ApiHost.JsonAsync(await UploadAsync(claire, dossier.Reference, "devis.pdf", "application/pdf", Pdf, antiforgery));

        var response = await ApiHost.PostJsonAsync(claire, $"/api/v1/dossiers/{dossier.Reference}/actions/submit",
            new { input = new { title = "Ligne", requested = 5000, quote = document }, }, antiforgery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string dossier, string name, string type, byte[] content, string antiforgery)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/dossiers/{dossier}/documents", UriKind.Relative)) { Content = form };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        return await client.SendAsync(request);
    }
}
