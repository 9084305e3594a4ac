using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Web.Shared.Forms;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin.Roles;

/// <summary>
/// Staff roles: who holds which, for which programme; an administrator grants and revokes them here, each change logged
/// in <c>AccessChanges</c> with who made it and when. The last administrator cannot be revoked.
/// </summary>
public sealed class StaffRolesModel(PlatformDbContext db, WorkflowDefinitions definitions, TimeProvider clock) : AccessPageModel(db, definitions)
{
    public sealed record GrantRow(long Id, string Subject, string? Name, string Role, string Programme, string GrantedBy, DateTimeOffset GrantedAt);

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    /// <summary>A refusal that is no field's (the last administrator).</summary>
    public IReadOnlyList<ErrorLink> Refusals { get; private set; } = [];

    protected override string Region => "_StaffRoles";

    protected override IReadOnlyList<InputField> GrantFields => Choices.RoleGrantFields;

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Form = PostedGrant();
        if (Form.HasErrors)
        {
            return await RefusedAsync(cancellationToken);
        }

        var subject = Form.Input["person"].GetString()!.Trim(); // checked: required text
        var role = Form.Input["role"].GetString()!;
        var programme = Form.Input["programme"].GetString()!;
        if (await Db.StaffRoleGrants.AnyAsync(g => g.Subject == subject && g.Role == role && g.Programme == programme, cancellationToken))
        {
            Form = Form.WithError("role", Ui.T("admin.roles.already", subject, Choices.RoleLabel(role), Choices.ProgrammeLabel(programme)));
            return await RefusedAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        var grant = new StaffRoleGrant(subject, role, Administrator, now, programme);
        Db.StaffRoleGrants.Add(grant);
        Db.AccessChanges.Add(AccessChange.ForRole(granted: true, grant, Administrator, now));
        await Db.SaveChangesAsync(cancellationToken);
        return await FinishedAsync(Ui.T("admin.roles.granted", Choices.RoleLabel(role), Choices.ProgrammeLabel(programme), subject), cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var grant = await Db.StaffRoleGrants.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (grant is null)
        {
            // Another administrator revoked it meanwhile: nothing left to do, and the list shows it gone.
            return await FinishedAsync(Ui.T("admin.roles.gone"), cancellationToken);
        }

        if (grant.Role == SessionClaims.Administrator
            && await Db.StaffRoleGrants.CountAsync(g => g.Role == SessionClaims.Administrator, cancellationToken) == 1)
        {
            Refusals = [new ErrorLink(Ui.T("admin.roles.last-administrator"), $"revoke-{grant.Id}")];
            Form = ActionForm.Create(GrantFields);
            return await RefusedAsync(cancellationToken);
        }

        Db.StaffRoleGrants.Remove(grant);
        Db.AccessChanges.Add(AccessChange.ForRole(granted: false, grant, Administrator, clock.GetUtcNow()));
        await Db.SaveChangesAsync(cancellationToken);
        return await FinishedAsync(Ui.T("admin.roles.revoked", Choices.RoleLabel(grant.Role), Choices.ProgrammeLabel(grant.Programme), grant.Subject), cancellationToken);
    }

    protected override async Task LoadRowsAsync(CancellationToken cancellationToken)
    {
        var names = await Db.KnownPeople.AsNoTracking().ToDictionaryAsync(p => p.Subject, p => p.Name, cancellationToken);
        Grants = (await Db.StaffRoleGrants.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(g => names.GetValueOrDefault(g.Subject) ?? g.Subject, StringComparer.CurrentCulture).ThenBy(g => g.Role, StringComparer.Ordinal)
            .Select(g => new GrantRow(g.Id, g.Subject, names.GetValueOrDefault(g.Subject), g.Role, g.Programme, names.GetValueOrDefault(g.GrantedBy) ?? g.GrantedBy, g.GrantedAt))
            .ToList();
    }
}
