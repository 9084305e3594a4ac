using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Reporting.Plan;

/// <summary>Administrators: the plan's measures (to edit), the carriers and who reports for them, the latest changes.</summary>
public sealed class IndexModel(PlatformDbContext db, PlanCatalogue catalogue) : PageModel
{
    public sealed record CarrierRow(string Key, string Name, string ShortName, string? EnterpriseNumber, IReadOnlyList<CarrierReporter> Reporters);

    public IReadOnlyList<Measure> Measures { get; private set; } = [];

    public IReadOnlyList<CarrierRow> Carriers { get; private set; } = [];

    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Carrier { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    public Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Message = saved ? Ui.T("reporting.plan.saved") : null;
        return LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddReporterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await catalogue.AddReporterAsync(Carrier ?? string.Empty, Subject ?? string.Empty, Name ?? string.Empty, Email ?? string.Empty, Language ?? "fr",
                ReportingUser.Subject(User), cancellationToken);
            return RedirectToPage(new { saved = true });
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or DbUpdateException)
        {
            Error = Ui.T("reporting.plan.invalid", e is DbUpdateException ? Subject ?? string.Empty : e.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveReporterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await catalogue.RemoveReporterAsync(Carrier ?? string.Empty, Subject ?? string.Empty, ReportingUser.Subject(User), cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        return RedirectToPage(new { saved = true });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Measures = await db.Set<Measure>().AsNoTracking().OrderBy(m => m.Number).ToListAsync(cancellationToken);
        var reporters = await db.Set<CarrierReporter>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        Carriers = (await db.Set<ReportingCarrier>().AsNoTracking()
                .Join(db.Parties, c => c.PartyId, p => p.Id, (c, p) => new { c.Key, p.Name, c.ShortName, p.EnterpriseNumber })
                .ToListAsync(cancellationToken))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CarrierRow(c.Key, c.Name, c.ShortName, c.EnterpriseNumber?.ToString(), reporters.Where(r => r.CarrierKey == c.Key).ToList()))
            .ToList();
        Changes = await db.Set<PlanChange>().AsNoTracking().OrderByDescending(c => c.Id).Take(20).ToListAsync(cancellationToken);
    }
}
