using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Web.Account;

/// <summary>
/// The app's sign-in: OpenID Connect code flow with PKCE through Microsoft's handler (claim names kept as sent), then a
/// cookie session whose keys are in the database, so any node reads a cookie another node wrote. Companies sign in at
/// one provider (<c>Authentication</c>: FAS), staff at another when one is configured (<c>Authentication:Staff</c>: the
/// Region's), and the sign-in link then asks which; the local provider plays both.
/// </summary>
public static class AppSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    /// <summary>Companies' provider (FAS in production), or the local provider for everyone.</summary>
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>The Region's provider for staff, when <c>Authentication:Staff:Authority</c> is set.</summary>
    public const string StaffOidcScheme = "oidc-staff";

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
        builder.Services.AddHostedService<Admin.ConfiguredAdministrators>();
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
            .AddOpenIdConnect(OidcScheme, options => OidcProvider.Configure(options, settings, OidcScheme, askMandates: true));

        var staff = settings.Staff is { Authority.Length: > 0 } configured ? configured : null;
        if (staff is not null)
        {
            if (string.IsNullOrWhiteSpace(staff.ClientId))
            {
                throw new InvalidOperationException("Authentication:Staff:ClientId is required with Authentication:Staff:Authority (README, \"Running in production\").");
            }

            // Staff sign in at the Region's provider: no mandates there, and its own callback addresses.
            builder.Services.AddAuthentication().AddOpenIdConnect(StaffOidcScheme, options =>
            {
                OidcProvider.Configure(options, staff, StaffOidcScheme, askMandates: false);
                options.CallbackPath = "/signin-oidc-staff";
                options.SignedOutCallbackPath = "/signout-callback-oidc-staff";
            });
            builder.Services.AddOptions<OpenIdConnectOptions>(StaffOidcScheme).Configure(options =>
            {
                options.Authority = staff.Authority;
                options.RequireHttpsMetadata = staff.RequireHttpsMetadata;
                if (local)
                {
                    OidcProvider.AllowLoopback(options); // a test or demonstration pointing it at the local provider
                }
            });
        }

        if (local)
        {
            // The provider is this very host: its address is known once the server listens (options are built on first use).
            builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IServer, IOptions<LocalProviderOptions>>((options, server, provider) =>
            {
                options.ClientId = provider.Value.ClientId;
                options.ClientSecret = null;
                options.Authority ??= settings.Authority ?? LocalProviderStartup.AppAddresses(server, provider.Value).First().ToString();
                OidcProvider.AllowLoopback(options);
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
        // With a staff provider, people say who they are first; otherwise straight to the one provider.
        account.MapGet("/sign-in", async (string? returnUrl, IAuthenticationSchemeProvider schemes) =>
                await schemes.GetSchemeAsync(StaffOidcScheme) is null
                    ? Challenge(OidcScheme, returnUrl)
                    : Results.LocalRedirect($"/account/choose?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl) ?? string.Empty)}"))
            .RequireRateLimiting(RateLimits.SignIn);
        account.MapGet("/sign-in/{audience}", async (string audience, string? returnUrl, IAuthenticationSchemeProvider schemes) => audience switch
            {
                "companies" => Challenge(OidcScheme, returnUrl),
                "staff" when await schemes.GetSchemeAsync(StaffOidcScheme) is not null => Challenge(StaffOidcScheme, returnUrl),
                _ => Results.NotFound(),
            })
            .RequireRateLimiting(RateLimits.SignIn);
        account.MapGet("/home", (string? returnUrl, HttpContext context) =>
            context.User.Identity?.IsAuthenticated == true
                ? Results.LocalRedirect(SafeReturnUrl(returnUrl) ?? Homes.For(context.User))
                : Results.LocalRedirect("/account/sign-in"));
        // A form post carrying the anti-forgery token: a link elsewhere cannot sign a person out.
        account.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
            await antiforgery.IsRequestValidAsync(context)
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, context.User.FindFirst(SessionClaims.Provider)?.Value ?? OidcScheme])
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form's anti-forgery token is missing or invalid."))
            .DisableAntiforgery();
    }

    private static IResult Challenge(string scheme, string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = $"/account/home?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl) ?? string.Empty)}" }, [scheme]);

    private static string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : null;
}
