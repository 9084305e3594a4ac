using System.Text.Json;
using DigitalWallonia.Web.Shared;

namespace DigitalWallonia.Web.Reporting;

/// <summary>
/// A chart drawn by Apache ECharts (wwwroot/reporting/charts.js) with its ARIA description, and the same data as a table
/// (Shared partial <c>_Chart</c>). The description is written here, in the reader's language and number format, so a screen
/// reader hears the values as the table shows them.
/// </summary>
public sealed record Chart(string Id, string Title, string Type, IReadOnlyList<string> Categories, IReadOnlyList<Chart.Series> Data, string Unit)
{
    public sealed record Series(string Name, IReadOnlyList<decimal?> Values, string Color);

    /// <summary>Stacked bars (counts that add up), rather than bars side by side.</summary>
    public bool Stacked { get; init; }

    public string Format(decimal? value) => value is { } v ? (Unit == "%" ? Display.Percent(v) : Display.Number(v)) : Ui.T("reporting.none");

    public string Description =>
        $"{Title}. " + string.Join(" ", Data.Select(s =>
            (Data.Count > 1 ? $"{s.Name} : " : string.Empty)
            + string.Join(" ; ", Categories.Select((c, i) => $"{c} : {Format(s.Values[i])}")) + "."));

    /// <summary>What charts.js reads: the options it needs and nothing else.</summary>
    public string Json => JsonSerializer.Serialize(new
    {
        type = Type,
        stacked = Stacked,
        unit = Unit,
        locale = Ui.IsEnglish ? "en" : "fr-BE",
        description = Description,
        categories = Categories,
        series = Data.Select(s => new { name = s.Name, values = s.Values, color = s.Color }),
    });

    /// <summary>Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinct, and each series also gets an ECharts decal pattern.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#a6192e", "#1d70b8", "#00703c", "#6f3c97", "#8f5a00", "#505a5f"];
}
