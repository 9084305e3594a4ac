using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Workspace;

/// <summary>
/// A template rendered with a real dossier's model (its facts as the letters see them), as <c>dw templates preview</c>
/// does: the subject and the message, shown in a sandboxed frame so the template's markup cannot act on the page.
/// </summary>
public sealed class TemplatesModel(PlatformDbContext db, TemplateRenderer renderer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dossier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<string> Keys => [.. renderer.Catalogue.Models.Keys.Order(StringComparer.Ordinal)];

    public RenderedTemplate? Rendered { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Template))
        {
            return Page();
        }

        if (!renderer.Catalogue.Models.ContainsKey(Template))
        {
            Error = WorkspaceText.T("templates.unknown", Template);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        JsonObject? facts = null;
        if (!string.IsNullOrWhiteSpace(Dossier))
        {
            facts = await DossierFacts.ForReferenceAsync(db, Dossier.Trim().ToUpperInvariant(), cancellationToken);
            if (facts is null)
            {
                Error = WorkspaceText.T("dossier.not-found");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }

        var kinds = renderer.Catalogue.KindsOf(Template);
        var kind = Enum.TryParse<TemplateKind>(Kind, ignoreCase: true, out var chosen) && kinds.Contains(chosen) ? chosen : kinds.Count > 0 ? kinds[0] : TemplateKind.Email;
        var language = facts?["recipient"]?["language"]?.GetValue<string>() ?? (Shared.Ui.IsEnglish ? "en" : "fr");
        try
        {
            Rendered = renderer.Render(Template, language, renderer.Catalogue.Example(Template, facts), kind);
        }
        catch (TemplateException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
