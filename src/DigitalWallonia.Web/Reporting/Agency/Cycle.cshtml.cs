using DigitalWallonia.Platform.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Reporting.Agency;

/// <summary>The tasks of one cycle, with their state and deadline.</summary>
public sealed class CycleModel(ReportingWork work) : PageModel
{
    public CycleSummary Cycle { get; private set; } = null!;

    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string schedule, string period, CancellationToken cancellationToken)
    {
        if ((await work.CyclesAsync(cancellationToken)).FirstOrDefault(c => c.Schedule == schedule && c.Period == period) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        Tasks = await work.TasksOfCycleAsync(cycle.Id, cancellationToken);
        return Page();
    }
}
