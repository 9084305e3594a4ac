using System.Globalization;
using DigitalWallonia.Platform.Reporting;
using Microsoft.AspNetCore.OutputCaching;

namespace DigitalWallonia.Web.Reporting;

/// <summary>
/// The public reporting pages and the open data, cached as rendered for anonymous visitors (output caching never serves a
/// signed-in person or stores a response that sets a cookie). The key holds the reader's language and the publication
/// stamp (<see cref="PublicProgress.StampAsync"/>: the published cycles and the catalogue's last change), so a publication
/// or an administrator's edit on any node is seen at the next request, without waiting for an expiry.
/// </summary>
public static class PublicOutputCache
{
    public const string Policy = "reporting-public";

    public static IServiceCollection AddReportingOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .VaryByValue(context => new KeyValuePair<string, string>("language", CultureInfo.CurrentUICulture.Name))
            .VaryByValue(async (context, cancellationToken) =>
                new KeyValuePair<string, string>("stamp", await context.RequestServices.GetRequiredService<PublicProgress>().StampAsync(cancellationToken)))));
}
