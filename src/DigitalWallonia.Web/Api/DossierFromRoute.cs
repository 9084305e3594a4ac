using DigitalWallonia.Web.Access;

namespace DigitalWallonia.Web.Api;

/// <summary>
/// The resource check of every endpoint under <c>/dossiers/{dossier}</c>: finds the dossier the route names, by number or
/// by reference, among those the requester may see (<see cref="DossierAccess"/>), and hands it to the handler; any other
/// answers 404 with the same words whether it exists or not. Handlers never check again.
/// </summary>
internal sealed class DossierFromRoute : IEndpointFilter
{
    public const string RouteValue = "dossier";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.GetRouteValue(RouteValue) as string ?? string.Empty;
        // Resolved per request: the filter itself is built once, with the application's services.
        var access = http.RequestServices.GetRequiredService<DossierAccess>();
        var found = await access.FindAsync(http.Requester(), key, http.RequestAborted);
        if (found is null)
        {
            return ApiProblems.NotFound($"There is no dossier '{key}'.");
        }

        http.Features.Set(found);
        return await next(context);
    }
}
