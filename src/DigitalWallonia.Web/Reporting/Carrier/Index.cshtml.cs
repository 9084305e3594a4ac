using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Reporting.Carrier;

/// <summary>A measure carrier's reporting tasks, those awaiting them first.</summary>
public sealed class IndexModel(CarrierAccess access, ReportingWork work, PlatformDbContext db) : PageModel
{
    public IReadOnlyList<string> CarrierNames { get; private set; } = [];

    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var carriers = await ReportingUser.CarriersAsync(access, User, cancellationToken);
        var parties = carriers.Select(c => c.PartyId).ToList();
        CarrierNames = await db.Parties.AsNoTracking().Where(p => parties.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        Tasks = carriers.Count == 0 ? [] : await work.TasksOfCarriersAsync(carriers.Select(c => c.Key).ToList(), cancellationToken);
    }
}
