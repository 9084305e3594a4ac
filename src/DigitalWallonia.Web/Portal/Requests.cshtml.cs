using System.Globalization;
using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Web.Access;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Portal;

/// <summary>
/// A company answers a document request item by item: each item with what is expected and the due date, a multi-file
/// upload per item with the accepted types and size said before choosing, and the dossier resuming by itself once the
/// last item is answered (<see cref="DocumentRequests"/>). A dossier the person's mandates do not cover is 404.
/// </summary>
[RequestSizeLimit(MaxFilesPerAnswer * 10L * 1024 * 1024 + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFilesPerAnswer * 10L * 1024 * 1024 + 1024 * 1024)]
public sealed class RequestsModel(DossierAccess access, DocumentRequests requests) : PageModel
{
    public const int MaxFilesPerAnswer = 5;

    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    /// <summary>The item just answered (after the redirect), for the confirmation banner.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Answered { get; set; }

    /// <summary>Set after the last answer: the dossier went back to the administration.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Resumed { get; set; }

    public DocumentRequest? OpenRequest { get; private set; }

    /// <summary>What may be uploaded, as the workflow declares it for this person; null when they may not answer.</summary>
    public InputField? Field { get; private set; }

    /// <summary>The item whose upload was refused, and why, in the person's words.</summary>
    public (int Item, string Message)? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int item, List<IFormFile> files, CancellationToken cancellationToken)
    {
        var actor = await LoadAsync(cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }

        if (OpenRequest is null || Field is null)
        {
            return Page(); // the page says there is nothing (left) to answer
        }

        var refusal = Refuse(files);
        if (refusal is not null)
        {
            return Invalid(item, refusal);
        }

        var received = new List<UploadedFile>();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            var mediaType = file.ContentType.Split(';')[0].Trim();
            received.Add(new UploadedFile(Api.V1.DocumentEndpoints.FileName(file.FileName), mediaType, content));
        }

        try
        {
            var outcome = await requests.AnswerAsync(Reference, item, received, actor, cancellationToken);
            return outcome.Resumed is { Accepted: true }
                ? RedirectToPage(new { Reference, Resumed = true })
                : RedirectToPage(new { Reference, Answered = item });
        }
        catch (DocumentRequestException e)
        {
            return Invalid(item, e.Reason switch
            {
                DocumentRefusal.TooLarge => Ui.T("request.error.size", e.FileName ?? "", Size(Field.MaxSize ?? 0)),
                DocumentRefusal.WrongType => Ui.T("request.error.type", e.FileName ?? "", Accepted(Field)),
                _ => Ui.T("request.error.closed"),
            });
        }
    }

    /// <summary>"PDF, JPEG or PNG" — the accepted types as people know them.</summary>
    public static string Accepted(InputField field) =>
        string.Join(", ", field.MediaTypes.Select(m => m.Split('/')[^1].ToUpperInvariant()));

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0 / 1024.0:0.#} {Ui.T("unit.mb")}"),
        >= 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0} {Ui.T("unit.kb")}"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes} {Ui.T("unit.b")}"),
    };

    // What can be said before reading a byte: nothing chosen, too many, too large.
    private string? Refuse(List<IFormFile> files)
    {
        if (files.Count == 0)
        {
            return Ui.T("request.error.none");
        }

        if (files.Count > MaxFilesPerAnswer)
        {
            return Ui.T("request.error.count", MaxFilesPerAnswer);
        }

        return files.FirstOrDefault(f => Field!.MaxSize is { } max && f.Length > max) is { } large
            ? Ui.T("request.error.size", large.FileName, Size(Field!.MaxSize ?? 0))
            : null;
    }

    private PageResult Invalid(int item, string message)
    {
        Error = (item, message);
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<Workflows.Runtime.Actor?> LoadAsync(CancellationToken cancellationToken)
    {
        if (Requester.Of(User) is not { } requester
            || await access.FindAsync(requester, Reference, cancellationToken) is not { } visible
            || visible.Reference != Reference)
        {
            return null;
        }

        var actor = access.ActorFor(requester, visible);
        OpenRequest = await requests.OpenAsync(Reference, cancellationToken);
        Field = OpenRequest is null ? null : await requests.AnswerFieldAsync(Reference, actor, cancellationToken);
        return actor;
    }
}
