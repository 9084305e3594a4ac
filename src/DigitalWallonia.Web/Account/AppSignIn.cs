using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DigitalWallonia.Web.Account;

/// <summary>
/// The app's sign-in: OpenID Connect code flow with PKCE through Microsoft's handler (claim names kept as sent), then a
/// cookie session whose keys are in the database, so any node reads a cookie another node wrote.
/// </summary>
public static class AppSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static void AddAppSignIn(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthenticationSettings.Section).Get<AuthenticationSettings>() ?? new AuthenticationSettings();
        var local = LocalProvider.IsEnabled(builder.Configuration);
        if (!local && (string.IsNullOrWhiteSpace(settings.Authority) || string.IsNullOrWhiteSpace(settings.ClientId)))
        {
            throw new InvalidOperationException(
                "Authentication:Authority and Authentication:ClientId are required unless Identity:LocalProvider:Enabled is true (README, \"Sign-in\").");
        }

        builder.Services.AddDataProtection().SetApplicationName("DigitalWallonia").PersistKeysToDbContext<PlatformDbContext>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = CookieScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "dw.session";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/account/sign-in";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // A signed-in person without the role gets 403, not a redirect loop to a sign-in page.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(OidcScheme, options =>
            {
                options.SignInScheme = CookieScheme;
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
                options.Scope.Add(LocalProvider.MandatesScope);
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
                        context.Fail($"The assurance level '{acr}' is not one of Authentication:AcceptedAcr.");
                        return;
                    }

                    var services = context.HttpContext.RequestServices;
                    context.Principal = await SessionClaims.BuildAsync(context.Principal!, services.GetRequiredService<PlatformDbContext>(),
                        services.GetRequiredService<TimeProvider>().GetUtcNow(), context.HttpContext.RequestAborted);
                };
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/account/refused");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        if (local)
        {
            // The provider is this very host: its address is known once the server listens (options are built on first use).
            builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IServer, IOptions<LocalProviderOptions>>((options, server, provider) =>
            {
                options.ClientId = provider.Value.ClientId;
                options.ClientSecret = null;
                options.Authority ??= settings.Authority ?? LocalProviderStartup.AppAddresses(server, provider.Value).First().ToString();
                options.RequireHttpsMetadata = false;
                // Plain http on loopback: the correlation cookies cannot be Secure + SameSite=None; the flow stays on one site.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }
        else
        {
            builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure(options =>
            {
                options.Authority = settings.Authority;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            });
        }
    }

    public static void MapAccount(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").AllowAnonymous();
        account.MapGet("/sign-in", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = $"/account/home?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl) ?? string.Empty)}" }, [OidcScheme]))
            .RequireRateLimiting(RateLimits.SignIn);
        account.MapGet("/home", (string? returnUrl, HttpContext context) =>
            context.User.Identity?.IsAuthenticated == true
                ? Results.LocalRedirect(SafeReturnUrl(returnUrl) ?? Homes.For(context.User))
                : Results.LocalRedirect("/account/sign-in"));
        // A form post carrying the anti-forgery token: a link elsewhere cannot sign a person out.
        account.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
            await antiforgery.IsRequestValidAsync(context)
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, OidcScheme])
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form's anti-forgery token is missing or invalid."))
            .DisableAntiforgery();
    }

    private static string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : null;
}
