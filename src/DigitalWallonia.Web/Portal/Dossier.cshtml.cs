using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Portal;
using DigitalWallonia.Web.Access;
using DigitalWallonia.Web.Shared.Forms;
using DigitalWallonia.Web.Workspace;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Portal;

/// <summary>
/// A company's dossier: where it stands and what comes next, the decision with why (the conditions checked with the values
/// used and where they came from, the rule versions, the legal basis, the appeal route and its deadline), the messages sent
/// to the company, the documents and letters, and what the company may do now. A dossier the person's mandates do not
/// cover does not exist here (404), nor do its documents.
/// </summary>
public sealed class DossierModel(
    DossierAccess access,
    DossierFiles files,
    CompanyDossiers companyDossiers,
    DossierWorkflow workflow,
    DocumentArchive archive,
    DocumentPdfs pdfs,
    TemplateRenderer renderer,
    PlatformDbContext db,
    DigitalWallonia.Platform.Evaluations.RuleLibrary rules) : PageModel
{
    /// <summary>Conseil d'État: an annulment appeal is lodged within sixty days of the decision's notification.</summary>
    public const int AppealDays = 60;

    public DossierFile Dossier { get; private set; } = null!;

    /// <summary>The dossier's party the person acts for (the enterprise their mandate covers).</summary>
    public DossierPartyLink Party { get; private set; } = null!;

    public IReadOnlyList<NextStep> Next { get; private set; } = [];

    /// <summary>
    /// The legal basis of the decision: the one recorded with it, else that of the rule-set version it rests on (or, for
    /// a decision without rule set, the latest evaluation's).
    /// </summary>
    public string? DecisionBasis { get; private set; }

    /// <summary>The legal basis the rule-set version <paramref name="snapshot"/> ran declares, with its link.</summary>
    public string? Basis(DigitalWallonia.Platform.Evaluations.EvaluationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return rules.Registry.Resolve(snapshot.RuleSet, snapshot.AsOfDate)?.LegalBasis is { } basis
            ? basis.Link is null ? basis.Text : $"{basis.Text} ({basis.Link})"
            : null;
    }

    public IReadOnlyList<(OutboxMessage Message, string Subject, string? Text)> Messages { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    /// <summary>The action whose form is open (<c>?act=declare</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Act { get; set; }

    public ActionForm? Form { get; private set; }

    public string? Refusal { get; private set; }

    public AvailableAction? Chosen => Dossier.Actions.FirstOrDefault(a => a.Name == Act);

    public long Seen => Dossier.Dossier.AuditHeadSequence;

    private Actor Actor { get; set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = Chosen is { } action ? ActionForm.Create(action.Input) : null;
        return Page();
    }

    /// <summary>A document of the dossier as it is stored (the letter's HTML, an uploaded file).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(long id, CancellationToken cancellationToken)
    {
        if (await DocumentAsync(id, cancellationToken) is not { } read)
        {
            return NotFound();
        }

        return File(read.Content, read.Document.MediaType, read.Document.FileName);
    }

    /// <summary>A letter or certificate of the dossier as PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken cancellationToken)
    {
        var requester = Requester.Of(User);
        if (requester is null || await access.FindAsync(requester, Reference, cancellationToken) is not { } dossier
            || await pdfs.ReadAsync(dossier.Id, dossier.Reference, id, cancellationToken) is not { } pdf)
        {
            return NotFound();
        }

        return File(pdf.Content, "application/pdf", pdf.FileName);
    }

    /// <summary>
    /// Fires the chosen action with the form's input through the workflow, which checks the role, the party, the input and
    /// the guards: a field's refusal goes back to its field, another refusal is said above the form.
    /// </summary>
    public async Task<IActionResult> OnPostActAsync(long seen, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Chosen is not { } action)
        {
            Refusal = PortalText.T("actions.not-open");
            return Invalid();
        }

        Form = ActionForm.Read(action.Input, Request.Form);
        if (seen != Seen)
        {
            Refusal = PortalText.T("actions.changed");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (Form.IsEditing)
        {
            return Page();
        }

        FiringReport report;
        try
        {
            report = await workflow.FireAsync(Reference, new ActorActionFired(action.Name) { Input = Form.Input }, Actor, cancellationToken);
        }
        catch (DossierConflictException)
        {
            Refusal = PortalText.T("actions.changed");
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
                Refusal = WorkspaceText.Has($"refusal.{rejection.Code}") ? WorkspaceText.T($"refusal.{rejection.Code}") : rejection.Message;
            }

            return Invalid();
        }

        return Redirect($"/Portal/Dossier/{Uri.EscapeDataString(Reference)}?done=true#standing");
    }

    /// <summary>The document <paramref name="id"/> if it belongs to this dossier and the person sees the dossier; else null.</summary>
    internal async Task<(Document Document, byte[] Content)?> DocumentAsync(long id, CancellationToken cancellationToken)
    {
        var requester = Requester.Of(User);
        if (requester is null || await access.FindAsync(requester, Reference, cancellationToken) is not { } dossier)
        {
            return null;
        }

        return await archive.ReadAsync(db, id, cancellationToken) is { } read && read.Document.DossierId == dossier.Id ? read : null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var requester = Requester.Of(User);
        if (requester is null || await access.FindAsync(requester, Reference, cancellationToken) is not { } visible)
        {
            return false;
        }

        Actor = access.ActorFor(requester, visible);
        var mandated = requester.Mandates.Select(m => m.Enterprise).ToHashSet();
        var party = visible.Parties.FirstOrDefault(p => Actor.PartyId == p.PartyId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? visible.Parties.FirstOrDefault(p => p.EnterpriseNumber is { } n && mandated.Contains(n));
        if (party is null || await files.ReadAsync(visible.Reference, Actor, cancellationToken) is not { } file)
        {
            return false;
        }

        Reference = visible.Reference;
        Party = party;
        Dossier = file;
        DecisionBasis = file.Evaluations.Reverse()
            .OrderByDescending(e => file.Decisions.LastOrDefault()?.RuleSet == e.RuleSet)
            .Select(Basis).FirstOrDefault(b => b is not null);
        Next = companyDossiers.NextSteps(file.Definition, file.Dossier.State, party.Role, file.OpenDeadlines);
        Messages = [.. (await companyDossiers.MessagesAsync(file.Dossier.Id, party.PartyId, cancellationToken)).Select(Render)];
        return true;
    }

    // The message as its reader received it; a template since removed still shows its name.
    private (OutboxMessage, string, string?) Render(OutboxMessage message)
    {
        try
        {
            var rendered = renderer.Render(message.TemplateKey, message.Language, message.ModelJson);
            return (message, rendered.Subject, rendered.Text);
        }
        catch (TemplateException)
        {
            return (message, message.TemplateKey, null);
        }
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
