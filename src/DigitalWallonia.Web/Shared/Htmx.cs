using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Shared;

/// <summary>
/// The server side of the htmx conventions (docs/web.md, "htmx"): one address answers the whole page to a browser and
/// the region's partial to htmx, and says so in <c>Vary</c> so that no cache serves one for the other.
/// </summary>
public static class Htmx
{
    public const string RequestHeader = "HX-Request";

    /// <summary>htmx restoring a page from history wants the whole page, not a fragment.</summary>
    public const string HistoryRestoreHeader = "HX-History-Restore-Request";

    /// <summary>A request htmx made for a fragment.</summary>
    public static bool IsHtmx(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(RequestHeader) && !request.Headers.ContainsKey(HistoryRestoreHeader);
    }

    /// <summary>
    /// The partial <paramref name="partialName"/> (the region htmx swaps, with the same id as on the page) to htmx, else the
    /// page; with <paramref name="statusCode"/> either way.
    /// </summary>
    public static IActionResult PageOrPartial(this PageModel page, string partialName, object? model, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.Headers.Append("Vary", RequestHeader);
        if (page.Request.IsHtmx())
        {
            var partial = page.Partial(partialName, model);
            partial.StatusCode = statusCode;
            return partial;
        }

        var whole = page.Page();
        whole.StatusCode = statusCode;
        return whole;
    }

    /// <summary>A refused form: 422 with the form, its error summary and its fields' errors (the page, or the region to htmx).</summary>
    public static IActionResult Refused(this PageModel page, string partialName, object? model) =>
        page.PageOrPartial(partialName, model, StatusCodes.Status422UnprocessableEntity);
}
