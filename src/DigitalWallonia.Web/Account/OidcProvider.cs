using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Identity;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using System.Security.Claims;

namespace DigitalWallonia.Web.Account;

/// <summary>How the app talks to an OpenID Connect provider, the companies' and the staff's alike.</summary>
internal static class OidcProvider
{
    public static void Configure(OpenIdConnectOptions options, AuthenticationSettings settings, string scheme, bool askMandates)
    {
        options.SignInScheme = AppSignIn.CookieScheme;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        if (askMandates)
        {
            options.Scope.Add(LocalProvider.MandatesScope);
        }

        options.TokenValidationParameters.NameClaimType = SessionClaims.Name;
        options.TokenValidationParameters.RoleClaimType = SessionClaims.Role;
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            context.ProtocolMessage.AcrValues = string.Join(' ', settings.AcceptedAcr);
            return Task.CompletedTask;
        };
        options.Events.OnTokenValidated = async context =>
        {
            // What was asked for is no proof: the acr the provider signed is what counts.
            var acr = context.Principal?.FindFirst(SessionClaims.Acr)?.Value;
            if (acr is null || !settings.AcceptedAcr.Contains(acr, StringComparer.Ordinal))
            {
                context.Fail($"The assurance level '{acr}' is not one of the accepted levels (AcceptedAcr) of {scheme}.");
                return;
            }

            var services = context.HttpContext.RequestServices;
            var session = await SessionClaims.BuildAsync(context.Principal!, services.GetRequiredService<PlatformDbContext>(),
                services.GetRequiredService<TimeProvider>().GetUtcNow(), context.HttpContext.RequestAborted);
            // Sign-out goes back to the provider the person came from.
            ((ClaimsIdentity)session.Identity!).AddClaim(new Claim(SessionClaims.Provider, scheme)); // BuildAsync gives one identity
            context.Principal = session;
        };
        options.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect("/account/refused");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>Plain http on loopback (the local provider): correlation cookies cannot be Secure + SameSite=None; the flow stays on one site.</summary>
    public static void AllowLoopback(OpenIdConnectOptions options)
    {
        options.RequireHttpsMetadata = false;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }
}
