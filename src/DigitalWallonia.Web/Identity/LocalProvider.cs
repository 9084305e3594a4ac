using System.Security.Claims;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Api;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DigitalWallonia.Web.Identity;

/// <summary>
/// A FAS-like OpenID Connect provider in the same host (OpenIddict server, EF stores in the app's database): the app signs
/// in through it with the same OIDC code path as against the real providers. Registered only when
/// <c>Identity:LocalProvider:Enabled</c> is true; otherwise none of its addresses exists (404).
/// </summary>
public static class LocalProvider
{
    /// <summary>The provider's own session (who chose which persona), apart from the app's.</summary>
    public const string SessionScheme = "LocalProvider";

    public const string MandatesClaim = "mandates";

    public const string MandatesScope = "mandates";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{LocalProviderOptions.Section}:Enabled");

    public static void AddLocalProvider(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LocalProviderOptions>(builder.Configuration.GetSection(LocalProviderOptions.Section));
        // Its sign-in page exists either way (and answers 404 when the provider is off).
        builder.Services.AddScoped<SignInLockouts>();
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        RefuseInProduction(builder);

        builder.Services.AddAuthentication().AddCookie(SessionScheme, options =>
        {
            options.Cookie.Name = "dw.provider";
            options.LoginPath = "/identity/sign-in";
            options.ExpireTimeSpan = TimeSpan.FromHours(1);
        });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // Machine clients (LocalProviderOptions.Clients): their access tokens are what the API accepts.
                options.AllowClientCredentialsFlow();
                options.AddEventHandler(ClientCredentialsGrant.Descriptor);
                options.RegisterScopes([Scopes.OpenId, Scopes.Profile, MandatesScope, .. ApiScopes.All]);
                options.RegisterClaims(Claims.Subject, Claims.Name, Claims.AuthenticationContextReference, MandatesClaim);
                // Signed JWTs, not encrypted: the API (JwtBearer) verifies them with the provider's public key. The keys
                // themselves come from configuration or the database (LocalProviderKeys), the same on every node.
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddSingleton<LocalProviderKeys>();
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<LocalProviderKeys, IOptions<LocalProviderOptions>>((server, keys, provider) =>
        {
            keys.ConfigureServer(server);
            if (!string.IsNullOrWhiteSpace(provider.Value.Issuer))
            {
                server.Issuer = new Uri(provider.Value.Issuer, UriKind.Absolute);
            }
        });
        builder.Services.AddHostedService<LocalProviderStartup>();
    }

    // Demonstration people with PINs in a configuration file are no way to sign real people in: a production node that
    // still has the provider on (appsettings.json turns it on for the embedded default) stops here, saying what to set.
    private static void RefuseInProduction(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction() && !builder.Configuration.GetValue<bool>($"{LocalProviderOptions.Section}:{nameof(LocalProviderOptions.AllowInProduction)}"))
        {
            throw new InvalidOperationException(
                "The local demonstration identity provider is enabled (Identity:LocalProvider:Enabled) in the Production environment. " +
                "Sign in through FAS and the Region's provider instead: set Identity__LocalProvider__Enabled=false and Authentication__Authority, " +
                "Authentication__ClientId, Authentication__ClientSecret (README, \"Signing in\"). To run the demonstration, set " +
                "ASPNETCORE_ENVIRONMENT=Development; for a public demonstration server only, Identity__LocalProvider__AllowInProduction=true.");
        }
    }

    public static void MapLocalProvider(this IEndpointRouteBuilder endpoints)
    {
        if (!IsEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return;
        }

        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], new Func<HttpContext, IOptions<LocalProviderOptions>, Task<IResult>>(AuthorizeAsync)).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], new Func<HttpContext, Task<IResult>>(EndSessionAsync)).AllowAnonymous().DisableAntiforgery();
    }

    // The authorization endpoint: no session with the provider yet, go to its sign-in page and come back; otherwise issue
    // the code for the persona chosen there, with the claims FAS gives (subject, name, acr, mandates).
    private static async Task<IResult> AuthorizeAsync(HttpContext context, IOptions<LocalProviderOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request could not be read.");
        var session = await context.AuthenticateAsync(SessionScheme);
        var persona = session.Succeeded ? options.Value.Find(session.Principal.FindFirstValue(Claims.Subject) ?? string.Empty) : null;
        if (persona is null || request.HasPromptValue(PromptValues.Login))
        {
            var here = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList());
            return Results.Challenge(new AuthenticationProperties { RedirectUri = here }, [SessionScheme]);
        }

        var identity = new ClaimsIdentity(authenticationType: "LocalProvider.Authorization", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, persona.Subject)
            .SetClaim(Claims.Name, persona.Name)
            .SetClaim(Claims.AuthenticationContextReference, session.Principal!.FindFirstValue(Claims.AuthenticationContextReference));
        identity.SetClaims(MandatesClaim, [.. persona.Mandates.Select(m => $"{m.EnterpriseNumber}:{m.Role}")]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

}
