using DigitalWallonia.Platform.Reporting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace DigitalWallonia.Web.Reporting;

/// <summary>Accountability: what each carrier did in each published cycle, and a chart of the last one.</summary>
[OutputCache(PolicyName = PublicOutputCache.Policy)]
public sealed class CarriersModel(PublicProgress progress) : PageModel
{
    public PublicReport Report { get; private set; } = null!;

    public Chart? LastCycle { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await progress.ReportAsync(cancellationToken);
        if (Report.Cycles.Count == 0)
        {
            return;
        }

        var last = Report.Cycles[^1].Label;
        var rows = Report.Carriers.Select(c => (c.Carrier, Cycle: c.Cycles.FirstOrDefault(x => x.Cycle == last))).Where(c => c.Cycle is not null).ToList();
        var carriers = rows.Select(r => r.Carrier.ShortName).ToList();
        LastCycle = new Chart("carriers", Shared.Ui.T("reporting.chart.carriers", last), "bar", carriers,
            [
                new(Shared.Ui.T("reporting.carriers.on-time"), rows.Select(r => (decimal?)r.Cycle!.OnTime).ToList(), Chart.Palette[2]),
                new(Shared.Ui.T("reporting.carriers.escalated"), rows.Select(r => (decimal?)(r.Cycle!.Published - r.Cycle.OnTime)).ToList(), Chart.Palette[4]),
                new(Shared.Ui.T("reporting.carriers.unreported"), rows.Select(r => (decimal?)r.Cycle!.Unreported).ToList(), Chart.Palette[0]),
            ], string.Empty) { Stacked = true };
    }
}
