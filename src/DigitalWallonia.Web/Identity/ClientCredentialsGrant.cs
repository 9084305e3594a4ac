using System.Security.Claims;
using DigitalWallonia.Web.Api;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DigitalWallonia.Web.Identity;

/// <summary>
/// Issues the access token of a client-credentials request. OpenIddict has already authenticated the client (its secret)
/// and checked that it may use this grant and every scope it asked for; what is left is who the token speaks for: the
/// client itself (subject = client id), for the API (audience), with the scopes granted. Its roles are not in the token:
/// the API reads them from the app's table on each call, so a role taken away stops at once.
/// </summary>
internal sealed class ClientCredentialsGrant(IOptions<LocalProviderOptions> options) : IOpenIddictServerHandler<OpenIddictServerEvents.HandleTokenRequestContext>
{
    /// <summary>Before OpenIddict's own handlers, which only deal with codes and refresh tokens.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleTokenRequestContext>()
            .UseSingletonHandler<ClientCredentialsGrant>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.HandleTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsClientCredentialsGrantType())
        {
            return ValueTask.CompletedTask;
        }

        var clientId = context.Request.ClientId ?? string.Empty; // a validated request always names its client
        var client = options.Value.Clients.Find(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));
        var identity = new ClaimsIdentity(authenticationType: "LocalProvider.ClientCredentials", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, string.IsNullOrWhiteSpace(client?.DisplayName) ? clientId : client.DisplayName);
        identity.SetScopes(context.Request.GetScopes());
        identity.SetAudiences(ApiScopes.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        return ValueTask.CompletedTask;
    }
}
