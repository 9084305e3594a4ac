using DigitalWallonia.Platform.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Reporting.Agency;

/// <summary>The digital agency's view of the cycles: how many reports await whom, and publication.</summary>
public sealed class IndexModel(ReportingWork work, ReportingCycles cycles) : PageModel
{
    public IReadOnlyList<CycleSummary> Cycles { get; private set; } = [];

    public string? Message { get; private set; }

    public bool Refused { get; private set; }

    public bool CanPublish => User.IsInRole(ReportingUser.AgencyRole);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cycles = await work.CyclesAsync(cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(long cycle, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        var publication = await cycles.PublishAsync(cycle, ReportingUser.Agency(User), cancellationToken);
        Refused = !publication.Published;
        Message = publication.Published
            ? Shared.Ui.T("reporting.agency.published", publication.PublishedReports, publication.UnreportedTasks)
            : Shared.Ui.T("reporting.agency.publish-refused", publication.Refusal ?? string.Empty);
        Cycles = await work.CyclesAsync(cancellationToken);
        return Page();
    }
}
