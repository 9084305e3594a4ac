using System.Text;
using DigitalWallonia.Platform.Reporting;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Web.Reporting;

/// <summary>
/// The open data of the published cycles, anonymous: <c>/reporting/export.csv</c>, <c>/reporting/export.json</c>, the
/// Frictionless <c>/reporting/datapackage.json</c> that describes them, and the DCAT-AP <c>/reporting/dcat.jsonld</c>.
/// </summary>
public static class OpenDataEndpoints
{
    public static IEndpointRouteBuilder MapReportingOpenData(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/reporting").AllowAnonymous().CacheOutput(PublicOutputCache.Policy);
        group.MapGet("/export.csv", async (PublicProgress progress, CancellationToken cancellationToken) =>
            Results.Text(OpenData.Csv(OpenData.Rows(await progress.ReportAsync(cancellationToken))), "text/csv; charset=utf-8", Encoding.UTF8));
        group.MapGet("/export.json", async (PublicProgress progress, CancellationToken cancellationToken) =>
            Results.Text(OpenData.Json(OpenData.Rows(await progress.ReportAsync(cancellationToken))), "application/json; charset=utf-8", Encoding.UTF8));
        group.MapGet("/datapackage.json", async (HttpContext context, PublicProgress progress, IOptions<ReportingOptions> options, CancellationToken cancellationToken) =>
            Results.Text(OpenData.DataPackage(BaseUrl(context), await progress.ReportAsync(cancellationToken), options.Value.Publisher),
                "application/json; charset=utf-8", Encoding.UTF8));
        group.MapGet("/dcat.jsonld", async (HttpContext context, PublicProgress progress, IOptions<ReportingOptions> options, CancellationToken cancellationToken) =>
            Results.Text(OpenData.Dcat(BaseUrl(context), await progress.ReportAsync(cancellationToken), options.Value.Publisher, options.Value.ContactEmail,
                options.Value.Schedules.Any(s => s.Periodicity == ReportingPeriodicity.Quarterly)), "application/ld+json; charset=utf-8", Encoding.UTF8));
        return endpoints;
    }

    // The address the client used, so the paths in the descriptions are the ones it can fetch.
    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
}
