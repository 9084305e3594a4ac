using System.ComponentModel;
using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>
/// <c>/api/v1/dossiers/{dossier}/document-request</c>: the open document request item by item, and an answer to one item
/// (one file per call) — what the portal's page does, through <see cref="DocumentRequests"/>: the dossier resumes by
/// itself with the last item's answer.
/// </summary>
internal static class DocumentRequestEndpoints
{
    public static void Map(RouteGroupBuilder dossier)
    {
        dossier.MapGet("/document-request", ReadAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("GetDocumentRequest").WithTags("Documents").WithSummary("The open document request, item by item")
            .WithDescription("404 when no request is open.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossier.MapPost("/document-request/items/{item:int}", AnswerAsync).RequireAuthorization(ApiAuthentication.ActPolicy)
            .WithName("AnswerDocumentRequestItem").WithTags("Documents")
            .WithSummary("Answer one item of the open request with a file (multipart/form-data, field \"file\")")
            .WithDescription("200 with the request as it stands and, after the last item, the state the dossier resumed to. 422 when "
                + "the file is refused (type, size: the message says the limit) or the person may not answer; nothing is stored.")
            .Accepts<UploadForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
    }

    private static async Task<Results<Ok<DocumentRequest>, ProblemHttpResult>> ReadAsync(
        [Description("The dossier's number (id) or reference.")] string dossier,
        HttpContext http, DocumentRequests requests, CancellationToken cancellationToken)
    {
        var found = http.Dossier();
        return await requests.OpenAsync(found.Reference, cancellationToken) is { } request
            ? TypedResults.Ok(request)
            : ApiProblems.NotFound($"No document request is open on {found.Reference}.");
    }

    private static async Task<Results<Ok<DocumentRequestAnswered>, ProblemHttpResult>> AnswerAsync(
        [Description("The dossier's number (id) or reference.")] string dossier,
        [Description("The item's position in the request, from 0.")] int item,
        HttpContext http, DossierAccess access, DocumentRequests requests, CancellationToken cancellationToken)
    {
        var found = http.Dossier();
        if (!http.Request.HasFormContentType
            || (await http.Request.ReadFormAsync(cancellationToken)).Files.GetFile(DocumentEndpoints.FileField) is not { Length: > 0 } file)
        {
            return ApiProblems.BadRequest($"Send the file as multipart/form-data, in a field named \"{DocumentEndpoints.FileField}\", not empty.");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var declared = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type.MediaType.ToString().ToLowerInvariant() : string.Empty;

        try
        {
            var outcome = await requests.AnswerAsync(found.Reference, item, [new UploadedFile(DocumentEndpoints.FileName(file.FileName), declared, content)],
                access.ActorFor(http.Requester(), found), cancellationToken);
            return TypedResults.Ok(new DocumentRequestAnswered(outcome.Request, outcome.Resumed?.State, outcome.Resumed?.Rejection?.Message));
        }
        catch (DocumentRequestException refused)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Answer refused", refused.Reason switch
            {
                DocumentRefusal.TooLarge => "file-too-large",
                DocumentRefusal.WrongType => "media-type-refused",
                _ => "not-answerable",
            }, refused.Message);
        }
        catch (DossierConflictException conflict)
        {
            return ApiProblems.ConcurrentChange(conflict.Message);
        }
    }
}

/// <summary>The request after an answer; <see cref="ResumedTo"/> is the state the dossier went to after the last item.</summary>
public sealed record DocumentRequestAnswered(DocumentRequest Request, string? ResumedTo, string? NotResumedBecause);
