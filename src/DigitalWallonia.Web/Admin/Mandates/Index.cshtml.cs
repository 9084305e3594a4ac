using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin.Mandates;

/// <summary>
/// Mandates: who may act for which enterprise, in which party role. Those the identity provider asserts are shown (it
/// refreshes them at each sign-in); an administrator grants others here and revokes those, each change logged in
/// <c>AccessChanges</c>.
/// </summary>
public sealed class MandatesModel(PlatformDbContext db, WorkflowDefinitions definitions, TimeProvider clock) : AccessPageModel(db, definitions)
{
    public sealed record MandateRow(long Id, string Subject, string? Name, string EnterpriseNumber, string Role, string? GrantedBy, DateTimeOffset At);

    public IReadOnlyList<MandateRow> Mandates { get; private set; } = [];

    protected override string Region => "_Mandates";

    protected override IReadOnlyList<InputField> GrantFields => Choices.MandateGrantFields;

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Form = PostedGrant();
        if (Form.HasErrors)
        {
            return await RefusedAsync(cancellationToken);
        }

        var subject = Form.Input["person"].GetString()!.Trim(); // checked: required text
        var enterprise = EnterpriseNumber.Parse(Form.Input["enterprise"].GetString()!).Digits; // checked: a valid number
        var role = Form.Input["role"].GetString()!;
        if (await Db.Mandates.AnyAsync(m => m.Subject == subject && m.EnterpriseNumber == enterprise && m.Role == role, cancellationToken))
        {
            Form = Form.WithError("role", Ui.T("admin.mandates.already", subject, Choices.RoleLabel(role), enterprise));
            return await RefusedAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        var mandate = new Mandate(subject, enterprise, role, now, Administrator);
        Db.Mandates.Add(mandate);
        Db.AccessChanges.Add(AccessChange.ForMandate(granted: true, mandate, Administrator, now));
        await Db.SaveChangesAsync(cancellationToken);
        return await FinishedAsync(Ui.T("admin.mandates.granted", Choices.RoleLabel(role), Format(enterprise), subject), cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        // Only a mandate granted here: one the provider asserts would come back at the person's next sign-in.
        var mandate = await Db.Mandates.SingleOrDefaultAsync(m => m.Id == id && m.GrantedBy != null, cancellationToken);
        if (mandate is null)
        {
            return await FinishedAsync(Ui.T("admin.mandates.gone"), cancellationToken);
        }

        Db.Mandates.Remove(mandate);
        Db.AccessChanges.Add(AccessChange.ForMandate(granted: false, mandate, Administrator, clock.GetUtcNow()));
        await Db.SaveChangesAsync(cancellationToken);
        return await FinishedAsync(Ui.T("admin.mandates.revoked", Choices.RoleLabel(mandate.Role), Format(mandate.EnterpriseNumber), mandate.Subject), cancellationToken);
    }

    public static string Format(string enterpriseNumber) => $"BE {EnterpriseNumber.Parse(enterpriseNumber)}";

    protected override async Task LoadRowsAsync(CancellationToken cancellationToken)
    {
        var names = await Db.KnownPeople.AsNoTracking().ToDictionaryAsync(p => p.Subject, p => p.Name, cancellationToken);
        Mandates = (await Db.Mandates.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(m => m.EnterpriseNumber, StringComparer.Ordinal).ThenBy(m => names.GetValueOrDefault(m.Subject) ?? m.Subject, StringComparer.CurrentCulture)
            .Select(m => new MandateRow(m.Id, m.Subject, names.GetValueOrDefault(m.Subject), m.EnterpriseNumber, m.Role,
                m.GrantedBy is null ? null : names.GetValueOrDefault(m.GrantedBy) ?? m.GrantedBy, m.AssertedAt))
            .ToList();
    }
}
