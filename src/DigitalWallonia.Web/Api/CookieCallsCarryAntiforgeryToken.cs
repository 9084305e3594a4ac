using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Antiforgery;

namespace DigitalWallonia.Web.Api;

/// <summary>
/// A person's change through the API (with the session cookie, which a browser sends by itself) must carry the
/// anti-forgery token of one of the app's pages in the <c>RequestVerificationToken</c> header, so that another site cannot
/// make a signed-in person's browser act. Reads and bearer-token calls need none: a token is never sent by a browser on its
/// own.
/// </summary>
internal sealed class CookieCallsCarryAntiforgeryToken : IEndpointFilter
{
    public const string Header = "RequestVerificationToken";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            && Requester.Of(http.User) is { IsMachine: false })
        {
            // The header only: looking for the form field would read a whole upload before its size is checked.
            var valid = http.Request.Headers.ContainsKey(Header)
                && await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
            if (!valid)
            {
                return ApiProblems.BadRequest(
                    $"A change made with the session cookie needs the page's anti-forgery token in the {Header} header.", "antiforgery");
            }
        }

        return await next(context);
    }
}
