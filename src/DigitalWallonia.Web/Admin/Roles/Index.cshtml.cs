using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Web.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin.Roles;

/// <summary>
/// Staff roles: who holds which, for which programme; an administrator grants and revokes them here, each change logged
/// in <c>AccessChanges</c> with who made it and when. The last administrator cannot be revoked.
/// </summary>
public sealed class StaffRolesModel(PlatformDbContext db, WorkflowDefinitions definitions, TimeProvider clock) : PageModel
{
    public sealed record GrantRow(long Id, string Subject, string? Name, string Role, string Programme, string GrantedBy, DateTimeOffset GrantedAt);

    public AccessChoices Choices { get; private set; } = null!;

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    /// <summary>Everyone who signed in at least once, to find a person's identifier.</summary>
    public IReadOnlyList<KnownPerson> People { get; private set; } = [];

    public ActionForm Form { get; private set; } = null!;

    /// <summary>A refusal that is no field's (the last administrator).</summary>
    public IReadOnlyList<ErrorLink> Refusals { get; private set; } = [];

    /// <summary>What was just done, said in the banner and announced.</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Form = ActionForm.Create(Choices.RoleGrantFields);
        Done = TempData[nameof(Done)] as string;
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        Choices = await AccessChoices.LoadAsync(db, definitions, cancellationToken);
        Form = ActionForm.Read(Choices.RoleGrantFields, Request.Form).Checked();
        if (!Form.HasErrors)
        {
            var subject = Form.Input["person"].GetString()!.Trim(); // checked: required text
            var role = Form.Input["role"].GetString()!;
            var programme = Form.Input["programme"].GetString()!;
            if (await db.StaffRoleGrants.AnyAsync(g => g.Subject == subject && g.Role == role && g.Programme == programme, cancellationToken))
            {
                Form = Form.WithError("role", Ui.T("admin.roles.already", subject, Choices.RoleLabel(role), Choices.ProgrammeLabel(programme)));
            }
            else
            {
                var now = clock.GetUtcNow();
                var grant = new StaffRoleGrant(subject, role, Administrator, now, programme);
                db.StaffRoleGrants.Add(grant);
                db.AccessChanges.Add(AccessChange.ForRole(granted: true, grant, Administrator, now));
                await db.SaveChangesAsync(cancellationToken);
                return await FinishedAsync(Ui.T("admin.roles.granted", Choices.RoleLabel(role), Choices.ProgrammeLabel(programme), subject), cancellationToken);
            }
        }

        await LoadGrantsAsync(cancellationToken);
        return this.Refused("_StaffRoles", this);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        Choices = await AccessChoices.LoadAsync(db, definitions, cancellationToken);
        var grant = await db.StaffRoleGrants.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (grant is null)
        {
            // Another administrator revoked it meanwhile: nothing left to do, and the list shows it gone.
            return await FinishedAsync(Ui.T("admin.roles.gone"), cancellationToken);
        }

        if (grant.Role == SessionClaims.Administrator
            && await db.StaffRoleGrants.CountAsync(g => g.Role == SessionClaims.Administrator, cancellationToken) == 1)
        {
            Refusals = [new ErrorLink(Ui.T("admin.roles.last-administrator"), $"revoke-{grant.Id}")];
            Form = ActionForm.Create(Choices.RoleGrantFields);
            await LoadGrantsAsync(cancellationToken);
            return this.Refused("_StaffRoles", this);
        }

        db.StaffRoleGrants.Remove(grant);
        db.AccessChanges.Add(AccessChange.ForRole(granted: false, grant, Administrator, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return await FinishedAsync(Ui.T("admin.roles.revoked", Choices.RoleLabel(grant.Role), Choices.ProgrammeLabel(grant.Programme), grant.Subject), cancellationToken);
    }

    private string Administrator => User.FindFirst(SessionClaims.Subject)?.Value ?? throw new InvalidOperationException("A signed-in administrator has a subject.");

    // To htmx: the region with the change made and a fresh form; to a browser: back to the page (post-redirect-get).
    private async Task<IActionResult> FinishedAsync(string done, CancellationToken cancellationToken)
    {
        if (!Request.IsHtmx())
        {
            TempData[nameof(Done)] = done;
            return RedirectToPage("/Admin/Roles/Index");
        }

        Done = done;
        Form = ActionForm.Create(Choices.RoleGrantFields);
        await LoadGrantsAsync(cancellationToken);
        return this.PageOrPartial("_StaffRoles", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Choices = await AccessChoices.LoadAsync(db, definitions, cancellationToken);
        await LoadGrantsAsync(cancellationToken);
        People = await db.KnownPeople.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    private async Task LoadGrantsAsync(CancellationToken cancellationToken)
    {
        var names = await db.KnownPeople.AsNoTracking().ToDictionaryAsync(p => p.Subject, p => p.Name, cancellationToken);
        Grants = (await db.StaffRoleGrants.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(g => names.GetValueOrDefault(g.Subject) ?? g.Subject, StringComparer.CurrentCulture).ThenBy(g => g.Role, StringComparer.Ordinal)
            .Select(g => new GrantRow(g.Id, g.Subject, names.GetValueOrDefault(g.Subject), g.Role, g.Programme, names.GetValueOrDefault(g.GrantedBy) ?? g.GrantedBy, g.GrantedAt))
            .ToList();
    }
}
