using DigitalWallonia.Platform.Reporting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace DigitalWallonia.Web.Reporting;

/// <summary>The plan's published progress by theme, objective and measure; open to anyone.</summary>
[OutputCache(PolicyName = PublicOutputCache.Policy)]
public sealed class IndexModel(PublicProgress progress) : PageModel
{
    public PublicReport Report { get; private set; } = null!;

    public Chart Computed { get; private set; } = null!;

    public Chart Declared { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await progress.ReportAsync(cancellationToken);
        var themes = Report.Themes.Select(t => $"{t.Number}. {t.Name}").ToList();
        Computed = new Chart("computed", Shared.Ui.T("reporting.chart.computed"), "bar", themes,
            [new(Shared.Ui.T("reporting.computed"), Report.Themes.Select(t => t.ComputedProgress).ToList(), Chart.Palette[1])], "%");
        var measures = Report.Themes.Select(t => t.Objectives.SelectMany(o => o.Measures).ToList()).ToList();
        var series = Assessments.All
            .Select((a, i) => new Chart.Series(Display.Assessment(a), measures.Select(m => (decimal?)m.Count(x => x.Assessment?.Assessment == a)).ToList(), Chart.Palette[i]))
            .Append(new Chart.Series(Shared.Ui.T("reporting.not-assessed"), measures.Select(m => (decimal?)m.Count(x => x.Assessment is null)).ToList(), Chart.Palette[5]))
            .ToList();
        Declared = new Chart("declared", Shared.Ui.T("reporting.chart.declared"), "bar", themes, series, string.Empty) { Stacked = true };
    }
}
