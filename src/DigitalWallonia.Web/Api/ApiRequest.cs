using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Http.Features;

namespace DigitalWallonia.Web.Api;

/// <summary>What the API's filters have established about a request, for its handlers.</summary>
internal static class ApiRequest
{
    /// <summary>Who is asking. Every API endpoint requires a signed-in person or a valid token, both of which name a subject.</summary>
    public static Requester Requester(this HttpContext context) =>
        Access.Requester.Of(context.User) ?? throw new InvalidOperationException("An API endpoint was reached without a signed-in requester.");

    /// <summary>The dossier of the route, found visible to the requester by <see cref="DossierFromRoute"/>.</summary>
    public static VisibleDossier Dossier(this HttpContext context) => context.Features.GetRequiredFeature<VisibleDossier>();
}
