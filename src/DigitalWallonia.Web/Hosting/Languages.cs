using System.Globalization;
using DigitalWallonia.Web.Shared;
using Microsoft.AspNetCore.Localization;

namespace DigitalWallonia.Web.Hosting;

/// <summary>
/// French by default and as fallback, English by choice (a cookie) or by the browser's Accept-Language. Dates and amounts
/// follow fr-BE in French.
/// </summary>
public static class Languages
{
    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app)
    {
        CultureInfo[] cultures = [Ui.French, Ui.English];
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Ui.French),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        // "fr" or "fr-FR" from a browser still means our fr-BE formats.
        options.RequestCultureProviders.Insert(0, new CookieRequestCultureProvider());
        return app.UseRequestLocalization(options);
    }

    /// <summary>
    /// GET /language/{fr|en}?returnUrl=...: a plain link (it works without script) that keeps the choice in a cookie and goes
    /// back to the local page it came from; any other return address is ignored.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext context) =>
        {
            var culture = code switch
            {
                "fr" => Ui.French,
                "en" => Ui.English,
                _ => null,
            };
            if (culture is null)
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        return endpoints;
    }
}
