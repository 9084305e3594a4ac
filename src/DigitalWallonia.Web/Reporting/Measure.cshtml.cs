using DigitalWallonia.Platform.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace DigitalWallonia.Web.Reporting;

/// <summary>One measure: its place in the plan, its carrier, each indicator with its published history, target and horizon.</summary>
[OutputCache(PolicyName = PublicOutputCache.Policy)]
public sealed class MeasureModel(PublicProgress progress) : PageModel
{
    public MeasureProgress Measure { get; private set; } = null!;

    public PublicReport Report { get; private set; } = null!;

    public IReadOnlyDictionary<string, Chart> Charts { get; private set; } = new Dictionary<string, Chart>();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Report = await progress.ReportAsync(cancellationToken);
        if (Report.Measure(id) is not { } measure)
        {
            return NotFound();
        }

        Measure = measure;
        // A line of the numeric values published for each numeric indicator that has at least one.
        Charts = measure.Indicators
            .Where(i => IndicatorKinds.IsNumeric(i.Kind) && i.History.Any(v => v.Number is not null))
            .ToDictionary(i => i.Key, i => new Chart($"history-{i.Key.Replace('.', '-')}", Shared.Ui.T("reporting.chart.history", i.Key), "line",
                i.History.Select(v => v.Period).ToList(),
                [new(i.Key, i.History.Select(v => v.Number).ToList(), Chart.Palette[0])], i.Kind == IndicatorKind.Percentage ? "%" : string.Empty));
        return Page();
    }
}
