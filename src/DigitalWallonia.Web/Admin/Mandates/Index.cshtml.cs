using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Web.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin.Mandates;

/// <summary>
/// Mandates: who may act for which enterprise, in which party role. Those the identity provider asserts are shown (it
/// refreshes them at each sign-in); an administrator grants others here and revokes those, each change logged in
/// <c>AccessChanges</c>.
/// </summary>
public sealed class MandatesModel(PlatformDbContext db, WorkflowDefinitions definitions, TimeProvider clock) : PageModel
{
    public sealed record MandateRow(long Id, string Subject, string? Name, string EnterpriseNumber, string Role, string? GrantedBy, DateTimeOffset At);

    public AccessChoices Choices { get; private set; } = null!;

    public IReadOnlyList<MandateRow> Mandates { get; private set; } = [];

    public IReadOnlyList<KnownPerson> People { get; private set; } = [];

    public ActionForm Form { get; private set; } = null!;

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await AccessChoices.LoadAsync(db, definitions, cancellationToken);
        await LoadMandatesAsync(cancellationToken);
        People = await db.KnownPeople.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Form = ActionForm.Create(Choices.MandateGrantFields);
        Done = TempData[nameof(Done)] as string;
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        Choices = await AccessChoices.LoadAsync(db, definitions, cancellationToken);
        Form = ActionForm.Read(Choices.MandateGrantFields, Request.Form).Checked();
        if (!Form.HasErrors)
        {
            var subject = Form.Input["person"].GetString()!.Trim(); // checked: required text
            var enterprise = EnterpriseNumber.Parse(Form.Input["enterprise"].GetString()!).Digits; // checked: a valid number
            var role = Form.Input["role"].GetString()!;
            if (await db.Mandates.AnyAsync(m => m.Subject == subject && m.EnterpriseNumber == enterprise && m.Role == role, cancellationToken))
            {
                Form = Form.WithError("role", Ui.T("admin.mandates.already", subject, Choices.RoleLabel(role), enterprise));
            }
            else
            {
                var now = clock.GetUtcNow();
                var mandate = new Mandate(subject, enterprise, role, now, Administrator);
                db.Mandates.Add(mandate);
                db.AccessChanges.Add(AccessChange.ForMandate(granted: true, mandate, Administrator, now));
                await db.SaveChangesAsync(cancellationToken);
                return await FinishedAsync(Ui.T("admin.mandates.granted", Choices.RoleLabel(role), Format(enterprise), subject), cancellationToken);
            }
        }

        await LoadMandatesAsync(cancellationToken);
        return this.Refused("_Mandates", this);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        Choices = await AccessChoices.LoadAsync(db, definitions, cancellationToken);
        // Only a mandate granted here: one the provider asserts would come back at the person's next sign-in.
        var mandate = await db.Mandates.SingleOrDefaultAsync(m => m.Id == id && m.GrantedBy != null, cancellationToken);
        if (mandate is null)
        {
            return await FinishedAsync(Ui.T("admin.mandates.gone"), cancellationToken);
        }

        db.Mandates.Remove(mandate);
        db.AccessChanges.Add(AccessChange.ForMandate(granted: false, mandate, Administrator, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return await FinishedAsync(Ui.T("admin.mandates.revoked", Choices.RoleLabel(mandate.Role), Format(mandate.EnterpriseNumber), mandate.Subject), cancellationToken);
    }

    public static string Format(string enterpriseNumber) => $"BE {EnterpriseNumber.Parse(enterpriseNumber)}";

    private string Administrator => User.FindFirst(SessionClaims.Subject)?.Value ?? throw new InvalidOperationException("A signed-in administrator has a subject.");

    private async Task<IActionResult> FinishedAsync(string done, CancellationToken cancellationToken)
    {
        if (!Request.IsHtmx())
        {
            TempData[nameof(Done)] = done;
            return RedirectToPage("/Admin/Mandates/Index");
        }

        Done = done;
        Form = ActionForm.Create(Choices.MandateGrantFields);
        await LoadMandatesAsync(cancellationToken);
        return this.PageOrPartial("_Mandates", this);
    }

    private async Task LoadMandatesAsync(CancellationToken cancellationToken)
    {
        var names = await db.KnownPeople.AsNoTracking().ToDictionaryAsync(p => p.Subject, p => p.Name, cancellationToken);
        Mandates = (await db.Mandates.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(m => m.EnterpriseNumber, StringComparer.Ordinal).ThenBy(m => names.GetValueOrDefault(m.Subject) ?? m.Subject, StringComparer.CurrentCulture)
            .Select(m => new MandateRow(m.Id, m.Subject, names.GetValueOrDefault(m.Subject), m.EnterpriseNumber, m.Role,
                m.GrantedBy is null ? null : names.GetValueOrDefault(m.GrantedBy) ?? m.GrantedBy, m.AssertedAt))
            .ToList();
    }
}
