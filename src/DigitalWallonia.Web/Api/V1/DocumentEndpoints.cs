using System.ComponentModel;
using System.Globalization;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>
/// <c>/api/v1/dossiers/{dossier}/documents</c>: the dossier's letters, certificates and uploads; upload a file (size and
/// type checked, the limit stated when refused), download one (its content verified against its hash).
/// </summary>
internal static class DocumentEndpoints
{
    /// <summary>The form field that carries the file.</summary>
    public const string FileField = "file";

    // The multipart envelope around the file: boundaries, part headers, a name.
    private const long EnvelopeBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder dossier)
    {
        dossier.MapGet("/documents", ListAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("ListDocuments").WithTags("Documents").WithSummary("The dossier's documents")
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossier.MapGet("/documents/{id:long}", DownloadAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("DownloadDocument").WithTags("Documents").WithSummary("A document's content")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossier.MapPost("/documents", UploadAsync).RequireAuthorization(ApiAuthentication.ActPolicy)
            .WithName("UploadDocument").WithTags("Documents")
            .WithSummary("Upload a file to the dossier (multipart/form-data, field \"file\")")
            .WithDescription("201 with what an action's document field takes. 413 when the file is larger than the limit, 415 when "
                + "its type is not accepted; both say the limit.")
            .Accepts<UploadForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            // The form is read by the handler, not bound: a body over the limit gets the limit's message, not a bare 413.
            .DisableAntiforgery();
    }

    private static async Task<Ok<List<DocumentModel>>> ListAsync(
        [Description("The dossier's number (id) or reference.")] string dossier,
        HttpContext http, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var found = http.Dossier();
        var documents = await db.Documents.AsNoTracking().Where(d => d.DossierId == found.Id).OrderBy(d => d.Id)
            .Select(d => new DocumentModel(d.Id, d.Kind, d.FileName, d.MediaType, d.Size, d.Sha256, d.CreatedAt, d.SupersedesId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(documents);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        [Description("The dossier's number (id) or reference.")] string dossier,
        [Description("The document's number.")] long id, HttpContext http,
        PlatformDbContext db, DocumentArchive archive, CancellationToken cancellationToken)
    {
        var found = http.Dossier();
        if (await archive.ReadAsync(db, id, cancellationToken) is not { } read || read.Document.DossierId != found.Id)
        {
            return ApiProblems.NotFound($"Dossier {found.Reference} has no document {id}.");
        }

        return TypedResults.File(read.Content, read.Document.MediaType, read.Document.FileName);
    }

    private static async Task<Results<Created<UploadedDocument>, ProblemHttpResult>> UploadAsync(
        [Description("The dossier's number (id) or reference.")] string dossier, HttpContext http,
        DossierAccess access, DocumentUploads uploads, IOptions<UploadOptions> options, CancellationToken cancellationToken)
    {
        var found = http.Dossier();
        var limits = options.Value;
        if (http.Request.ContentLength > limits.MaxBytes + EnvelopeBytes)
        {
            return TooLarge(http.Request.ContentLength.Value, limits, whole: true);
        }

        if (!http.Request.HasFormContentType)
        {
            return ApiProblems.BadRequest($"Send the file as multipart/form-data, in a field named \"{FileField}\".");
        }

        IFormFile? file;
        try
        {
            file = (await http.Request.ReadFormAsync(cancellationToken)).Files.GetFile(FileField);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(http.Request.ContentLength ?? limits.MaxBytes + 1, limits, whole: true);
        }

        if (file is null || file.Length == 0)
        {
            return ApiProblems.BadRequest($"No file: send it as multipart/form-data in a field named \"{FileField}\", not empty.");
        }

        if (file.Length > limits.MaxBytes)
        {
            return TooLarge(file.Length, limits, whole: false);
        }

        var declared = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type.MediaType.ToString().ToLowerInvariant() : string.Empty;
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        if (!limits.MediaTypes.Contains(declared, StringComparer.OrdinalIgnoreCase) || !FileSignatures.Matches(declared, content))
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "File type not accepted", "media-type-refused",
                $"'{file.FileName}' is not accepted: {Describe(declared, content)}. Accepted: {string.Join(", ", limits.MediaTypes)}.",
                new Dictionary<string, object?> { ["accepted"] = limits.MediaTypes });
        }

        try
        {
            var document = await uploads.AttachAsync(found.Id, FileName(file.FileName), declared, content,
                access.ActorFor(http.Requester(), found), cancellationToken);
            return TypedResults.Created($"/api/v1/dossiers/{found.Reference}/documents/{document.Id}",
                new UploadedDocument(document.Id, document.FileName, document.MediaType, document.Size, document.Sha256));
        }
        catch (DossierConflictException conflict)
        {
            return ApiProblems.ConcurrentChange(conflict.Message);
        }
    }

    // The file's own name: some browsers send the folders too (C:\Users\...\scan.pdf), and a name is never a path here.
    internal static string FileName(string sent)
    {
        var name = new string(sent[(sent.LastIndexOfAny(['/', '\\']) + 1)..].Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "upload" : name[..Math.Min(name.Length, 200)];
    }

    private static ProblemHttpResult TooLarge(long size, UploadOptions limits, bool whole) =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "File too large", "file-too-large",
            $"The {(whole ? "request" : "file")} is {Size(size)}; the limit is {Size(limits.MaxBytes)} per file.",
            new Dictionary<string, object?> { ["maxBytes"] = limits.MaxBytes });

    private static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture,
        $"{bytes / (1024.0 * 1024.0):0.#} MB ({bytes:N0} bytes)");

    private static string Describe(string declared, byte[] content) =>
        declared.Length == 0 ? "it gives no media type"
        : FileSignatures.Matches(declared, content) ? $"its type {declared} is not one of those accepted"
        : $"it says {declared} but its content is not";
}

/// <summary>A document of a dossier: a letter or certificate the platform issued, or an upload.</summary>
public sealed record DocumentModel(long Id, string Kind, string Name, string MediaType, long Size, string Sha256, DateTimeOffset CreatedAt, long? Supersedes);

/// <summary>An upload as an action's document field takes it, unchanged: <c>"quote": { "id", "name", "mediaType", "size", "sha256" }</c>.</summary>
public sealed record UploadedDocument(long Id, string Name, string MediaType, long Size, string Sha256);

/// <summary>The upload's form: the file in the field <c>file</c> (the handler reads it itself, to state the limit when it is too large).</summary>
public sealed record UploadForm(IFormFile File);
