using System.Text.Encodings.Web;
using System.Text.Json;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Web.Shared.Forms;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin.Forms;

/// <summary>
/// The form of any action of any published workflow, as case handlers and companies will see it, and the typed input a
/// post of it gives (or the runtime's refusal, field by field). Nothing is fired: no dossier is involved.
/// </summary>
public sealed class ActionFormPreviewModel(PlatformDbContext db, WorkflowDefinitions definitions) : PageModel
{
    // Accents and quotes as written: the JSON is shown as HTML-encoded text, never put in a script.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [BindProperty(SupportsGet = true)]
    public string? Workflow { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Transition { get; set; }

    /// <summary>The latest version of every published workflow, for the list of actions.</summary>
    public IReadOnlyList<WorkflowDefinition> Workflows { get; private set; } = [];

    public WorkflowDefinition? Chosen { get; private set; }

    public TransitionDefinition? ChosenTransition { get; private set; }

    public ActionForm? Form { get; private set; }

    /// <summary>The input the runtime accepted, as JSON; null before a post or after a refusal.</summary>
    public string? AcceptedInput { get; private set; }

    public static IReadOnlyList<InputField> InputOf(TransitionDefinition transition) =>
        transition.Trigger is ActorActionTrigger action ? action.Input : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = ChosenTransition is null ? null : ActionForm.Create(InputOf(ChosenTransition));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || ChosenTransition is null)
        {
            return NotFound();
        }

        Form = ActionForm.Read(InputOf(ChosenTransition), Request.Form);
        if (Form.IsEditing)
        {
            return this.PageOrPartial("_Preview", this);
        }

        Form = Form.Checked();
        if (Form.HasErrors)
        {
            return this.Refused("_Preview", this);
        }

        AcceptedInput = JsonSerializer.Serialize(Form.Input, Indented);
        return this.PageOrPartial("_Preview", this);
    }

    // False when the address names a workflow or an action that does not exist.
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var ids = await db.PublishedWorkflows.AsNoTracking().Select(w => w.WorkflowId).Distinct().ToListAsync(cancellationToken);
        var workflows = new List<WorkflowDefinition>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            if (await definitions.LatestAsync(db, id, cancellationToken) is { } definition)
            {
                workflows.Add(definition);
            }
        }

        Workflows = workflows;
        if (Workflow is null)
        {
            return Transition is null;
        }

        Chosen = workflows.Find(w => w.Id == Workflow);
        ChosenTransition = Chosen?.Transitions.FirstOrDefault(t => t.Id == Transition && t.Trigger is ActorActionTrigger);
        return ChosenTransition is not null;
    }
}
