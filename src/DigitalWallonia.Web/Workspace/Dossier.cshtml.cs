using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Identity;
using DigitalWallonia.Web.Shared.Forms;
using DigitalWallonia.Workflows.Graph;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Web.Workspace;

/// <summary>
/// The dossier page: company, where it stands, eligibility, timeline, internal notes, holder and actions. Every form
/// carries the audit sequence the page was read at (<see cref="Seen"/>): when the dossier changed since, nothing is done
/// and the page shows what changed.
/// </summary>
public sealed class DossierModel(
    DossierFiles files,
    DossierWorkflow workflow,
    Assignments assignments,
    InternalNotes notes,
    DocumentRequests requests,
    CalendarCatalogue calendars,
    PlatformDbContext db,
    IOptions<LocalProviderOptions> people,
    DigitalWallonia.Platform.Documents.DocumentPdfs pdfs,
    TimeProvider clock) : PageModel
{
    public DossierFile Dossier { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public WorkingDayCalendar Calendar { get; private set; } = null!;

    public IReadOnlyList<FactLine> Facts { get; private set; } = [];

    /// <summary>The document request the dossier waits on, item by item; null when none is open.</summary>
    public DocumentRequest? OpenRequest { get; private set; }

    public string Diagram { get; private set; } = "";

    /// <summary>What others did since the person opened the page, when that stopped their action.</summary>
    public IReadOnlyList<AuditEvent> Changed { get; private set; } = [];

    /// <summary>Field errors by field name (the form's input name), with the summary's messages in order.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Which form the errors belong to (a fact path, "note", "assign"...), so only that one is opened again.</summary>
    public string? ErrorForm { get; private set; }

    public IReadOnlyList<(string Subject, string Name)> Colleagues { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    /// <summary>The action whose form is open (<c>?act=approve</c>): one at a time, so fields never share an id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Act { get; set; }

    /// <summary>The open action's form, generated from its typed input.</summary>
    public ActionForm? Form { get; private set; }

    /// <summary>Why the workflow refused the action (not a field's error: a guard, four-eyes, a voided proposal), in words.</summary>
    public string? Refusal { get; private set; }

    public AvailableAction? Chosen => Dossier.Actions.FirstOrDefault(a => a.Name == Act);

    public long Seen => Dossier.Dossier.AuditHeadSequence;

    public Actor Actor => StaffActor.Of(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = Chosen is { } action ? ActionForm.Create(action.Input) : null;
        return Page();
    }

    /// <summary>A letter or certificate of the dossier as PDF (<c>?handler=Pdf&amp;id=</c>).</summary>
    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || await pdfs.ReadAsync(Dossier.Dossier.Id, Dossier.Dossier.Reference, id, cancellationToken) is not { } pdf)
        {
            return NotFound();
        }

        return File(pdf.Content, "application/pdf", pdf.FileName);
    }

    /// <summary>
    /// Fires the chosen action with the form's typed input through the workflow, which checks everything (roles, input,
    /// four-eyes, guards): a field's refusal goes back to its field (422), another refusal is said above the form.
    /// </summary>
    public async Task<IActionResult> OnPostActAsync(long seen, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Chosen is not { } action)
        {
            // Not (or no longer) open to this person in this state: the page says what they may do now.
            Refusal = WorkspaceText.T("actions.not-open", Act ?? "");
            return Invalid();
        }

        Form = ActionForm.Read(action.Input, Request.Form);
        if (Stale(seen))
        {
            return ChangedSince();
        }

        if (Form.IsEditing)
        {
            return Page();
        }

        var before = Dossier.Dossier.AuditHeadSequence;
        FiringReport report;
        try
        {
            report = await workflow.FireAsync(Reference, new ActorActionFired(action.Name) { Input = Form.Input }, Actor, cancellationToken);
        }
        catch (DossierConflictException)
        {
            await LoadAsync(cancellationToken);
            Changed = Dossier.AuditEvents.Where(e => e.Sequence > before).ToList();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (report.Rejection is { } rejection)
        {
            if (rejection.FieldErrors.Count > 0)
            {
                Form = Form.WithErrors(rejection.FieldErrors);
            }
            else
            {
                Refusal = WorkspaceText.Has($"refusal.{rejection.Code}")
                    ? $"{WorkspaceText.T($"refusal.{rejection.Code}")} ({rejection.Message})"
                    : rejection.Message;
            }

            return Invalid();
        }

        return Redirect($"{Url.Page("/Workspace/Dossier", new { reference = Reference, done = true })}#standing");
    }

    public async Task<IActionResult> OnPostVerifyAsync(string path, string mode, string? value, string? reason, long seen, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Stale(seen))
        {
            return ChangedSince();
        }

        var line = Facts.FirstOrDefault(f => f.Path == path && f.Verifiable);
        if (line is null)
        {
            return NotFound();
        }

        ErrorForm = path;
        if (string.IsNullOrWhiteSpace(reason))
        {
            Errors["reason"] = WorkspaceText.T("verify.reason-required");
        }

        JsonElement? corrected = null;
        if (mode == "correct")
        {
            corrected = Parse(line.Value, value);
            if (corrected is null)
            {
                Errors["value"] = WorkspaceText.T("verify.value-invalid", line.Value?.GetValueKind() switch
                {
                    JsonValueKind.Number => Shared.Ui.IsEnglish ? "a number" : "un nombre",
                    JsonValueKind.True or JsonValueKind.False => Shared.Ui.IsEnglish ? "yes or no" : "oui ou non",
                    _ => Shared.Ui.IsEnglish ? "a text" : "un texte",
                });
            }
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        return await SavedAsync(() => workflow.VerifyFactAsync(Reference, path, corrected, reason!.Trim(), Actor, cancellationToken), "company", cancellationToken, errorField: "reason");
    }

    public async Task<IActionResult> OnPostNoteAsync(string? text, long seen, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // A note adds to the dossier without acting on it: a change since the page was read does not stop it.
        _ = seen;
        ErrorForm = "note";
        if (string.IsNullOrWhiteSpace(text) || text.Length > InternalNotes.MaxLength)
        {
            Errors["text"] = WorkspaceText.T("notes.required");
            return Invalid();
        }

        return await SavedAsync(() => notes.AddAsync(Reference, text, Actor, cancellationToken), "notes", cancellationToken, errorField: "text");
    }

    public async Task<IActionResult> OnPostClaimAsync(long seen, CancellationToken cancellationToken) =>
        await HolderChangeAsync(seen, () => assignments.ClaimAsync(Reference, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReleaseAsync(long seen, CancellationToken cancellationToken) =>
        await HolderChangeAsync(seen, () => assignments.ReleaseAsync(Reference, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(string? holder, string? reason, long seen, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ErrorForm = "assign";
        var colleague = Colleagues.FirstOrDefault(c => c.Subject == holder);
        if (colleague.Subject is null)
        {
            Errors["holder"] = WorkspaceText.T("dossier.assign-to");
            return Invalid();
        }

        return await HolderChangeAsync(seen, () => assignments.AssignAsync(Reference, colleague, reason, Actor, cancellationToken), cancellationToken, loaded: true);
    }

    private async Task<IActionResult> HolderChangeAsync(long seen, Func<Task> change, CancellationToken cancellationToken, bool loaded = false)
    {
        if (!loaded && !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Stale(seen))
        {
            return ChangedSince();
        }

        ErrorForm ??= "holder";
        return await SavedAsync(change, "holder", cancellationToken);
    }

    // Does the change; a refusal (InvalidOperationException, ArgumentException) becomes the form's error, a lost race the
    // "changed since you opened it" page. Success goes back to the page (post/redirect/get) at the section concerned.
    private async Task<IActionResult> SavedAsync(Func<Task> change, string section, CancellationToken cancellationToken, string errorField = "form")
    {
        var before = Dossier.Dossier.AuditHeadSequence;
        try
        {
            await change();
        }
        catch (DossierConflictException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            Changed = Dossier.AuditEvents.Where(e => e.Sequence > before).ToList();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Errors[errorField] = e.Message;
            return Invalid();
        }

        return Redirect($"{Url.Page("/Workspace/Dossier", new { reference = Reference, done = true })}#{section}");
    }

    private bool Stale(long seen) => seen != Dossier.Dossier.AuditHeadSequence;

    private PageResult ChangedSince()
    {
        // The events after the one the person saw: what they did not know when they acted.
        var seen = long.TryParse(Request.Form["seen"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        Changed = Dossier.AuditEvents.Where(e => e.Sequence > seen).ToList();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var file = await files.ReadAsync(Reference, Actor, cancellationToken);
        if (file is null)
        {
            return false;
        }

        Dossier = file;
        Now = clock.GetUtcNow();
        Calendar = calendars.ForProgramme(file.Dossier.Programme);
        Facts = FactLines.Of(file.Facts, file.FactSources, file.Definition, WorkspaceText.Language);
        Diagram = MermaidRenderer.Render(file.Definition, WorkspaceText.Language, file.Dossier.State);
        OpenRequest = await requests.OpenAsync(Reference, cancellationToken);
        var staff = await db.StaffRoleGrants.AsNoTracking().Where(g => g.Role == "case-handler" || g.Role == "supervisor")
            .Select(g => g.Subject).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
        Colleagues = [.. staff.Select(s => (s, people.Value.Find(s)?.Name ?? s))];
        return true;
    }

    // The corrected value in the type of the declared one; null when it does not read as that type.
    private static JsonElement? Parse(JsonNode? declared, string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        switch (declared?.GetValueKind())
        {
            case JsonValueKind.Number:
                var normalised = text.Replace('\u00A0', ' ').Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
                return decimal.TryParse(normalised, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? JsonSerializer.SerializeToElement(number) : null;
            case JsonValueKind.True or JsonValueKind.False:
                return text.ToLowerInvariant() switch
                {
                    "true" or "oui" or "yes" => JsonSerializer.SerializeToElement(true),
                    "false" or "non" or "no" => JsonSerializer.SerializeToElement(false),
                    _ => null,
                };
            default:
                return JsonSerializer.SerializeToElement(text);
        }
    }
}
