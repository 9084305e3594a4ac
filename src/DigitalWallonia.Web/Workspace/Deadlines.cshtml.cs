using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Workspace;

/// <summary>The deadlines the scheduler will fire soonest (and those already late), and those whose firing failed.</summary>
public sealed class DeadlinesModel(PlatformDbContext db, CalendarCatalogue calendars, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public sealed record Line(Deadline Deadline, string Reference, string Programme);

    public IReadOnlyList<Line> Upcoming { get; private set; } = [];

    public IReadOnlyList<Line> Failed { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    public WorkingDayCalendar CalendarOf(string programme) => calendars.ForProgramme(programme);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var until = Now.AddDays(Math.Clamp(Days, 1, 366));
        Upcoming = await Lines(db.Deadlines.Where(d => d.Status == DeadlineStatus.Pending && d.DueAt <= until).OrderBy(d => d.DueAt), cancellationToken);
        Failed = await Lines(db.Deadlines.Where(d => d.Status == DeadlineStatus.Failed || (d.Status == DeadlineStatus.Pending && d.LastError != null)).OrderByDescending(d => d.DueAt), cancellationToken);
    }

    private async Task<IReadOnlyList<Line>> Lines(IQueryable<Deadline> deadlines, CancellationToken cancellationToken) =>
        await deadlines.AsNoTracking().Include(d => d.Reminders).Take(Shown)
            .Join(db.Dossiers, d => d.DossierId, x => x.Id, (d, x) => new Line(d, x.Reference, x.Programme))
            .ToListAsync(cancellationToken);
}
