using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Web.Shared.Forms;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin;

/// <summary>
/// What the staff roles and mandates pages share: the choices and the grant form, the people known, and how a change or a
/// refusal is answered (to htmx, the page's region; to a browser, post-redirect-get with the change said once).
/// </summary>
public abstract class AccessPageModel(PlatformDbContext db, WorkflowDefinitions definitions) : PageModel
{
    protected PlatformDbContext Db { get; } = db;

    public AccessChoices Choices { get; private set; } = null!;

    public ActionForm Form { get; protected set; } = null!;

    /// <summary>Everyone who signed in at least once, to find a person's identifier.</summary>
    public IReadOnlyList<KnownPerson> People { get; private set; } = [];

    /// <summary>What was just done, said in the banner and announced.</summary>
    public string? Done { get; private set; }

    /// <summary>The partial that draws the page's region (the grant form and the table), swapped by htmx.</summary>
    protected abstract string Region { get; }

    protected abstract IReadOnlyList<InputField> GrantFields { get; }

    /// <summary>The administrator making the change.</summary>
    protected string Administrator => User.FindFirst(SessionClaims.Subject)?.Value ?? throw new InvalidOperationException("A signed-in administrator has a subject.");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        await LoadRowsAsync(cancellationToken);
        People = await Db.KnownPeople.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Form = ActionForm.Create(GrantFields);
        Done = TempData[nameof(Done)] as string;
    }

    /// <summary>The table's rows.</summary>
    protected abstract Task LoadRowsAsync(CancellationToken cancellationToken);

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Choices = await AccessChoices.LoadAsync(Db, definitions, cancellationToken);

    /// <summary>The grant form as posted and checked as the runtime would check an action's input.</summary>
    protected ActionForm PostedGrant() => ActionForm.Read(GrantFields, Request.Form).Checked();

    /// <summary>422 with the region: the form and its errors, the table as it stands.</summary>
    protected async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await LoadRowsAsync(cancellationToken);
        return this.Refused(Region, this);
    }

    /// <summary>To htmx: the region with the change made, the message and a fresh form; to a browser: back to the page.</summary>
    protected async Task<IActionResult> FinishedAsync(string done, CancellationToken cancellationToken)
    {
        if (!Request.IsHtmx())
        {
            TempData[nameof(Done)] = done;
            return LocalRedirect(Request.PathBase + Request.Path);
        }

        Done = done;
        Form = ActionForm.Create(GrantFields);
        await LoadRowsAsync(cancellationToken);
        return this.PageOrPartial(Region, this);
    }
}
