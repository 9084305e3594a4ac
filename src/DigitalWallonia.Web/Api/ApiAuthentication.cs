using System.Security.Claims;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Access;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using DigitalWallonia.Workflows.Roles;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Web.Api;

/// <summary>
/// Who may call the API, and how they prove it: people with their session cookie, machine clients with a bearer token
/// (a signed JWT for <see cref="ApiScopes.Audience"/>, from the local provider's client-credentials grant or, when it is
/// off, from the authority in <c>Api:Authority</c>). One scheme (<see cref="Scheme"/>) picks the bearer handler when the
/// request carries a token and the cookie otherwise; a caller with neither gets 401, never a sign-in redirect.
/// </summary>
public static class ApiAuthentication
{
    /// <summary>Cookie or bearer token, whichever the request carries.</summary>
    public const string Scheme = "Api";

    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;

    public const string ReadPolicy = "api.read";
    public const string ActPolicy = "api.act";
    public const string EventsPolicy = "api.events";

    /// <summary>Signed-in staff (any global role), for the API reference; people only, no token.</summary>
    public const string StaffPolicy = "api.staff";

    public static void AddApiAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MachineClientRoles>();
        builder.Services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Session cookie or bearer token", options =>
            {
                options.ForwardDefaultSelector = context => CarriesBearerToken(context.Request) ? BearerScheme : AppSignIn.CookieScheme;
                options.ForwardChallenge = BearerScheme;
            })
            .AddJwtBearer(BearerScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = SessionClaims.Name;
                options.TokenValidationParameters.RoleClaimType = SessionClaims.Role;
                options.Events = new JwtBearerEvents { OnTokenValidated = AsMachineClientAsync };
            });
        // Read when the handler is first used, once the host's configuration is complete (a test's settings included).
        builder.Services.AddOptions<JwtBearerOptions>(BearerScheme).Configure<IConfiguration, IServiceProvider>(ConfigureBearer);

        builder.Services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, policy => Api(policy).AddRequirements(new ScopeRequirement(ApiScopes.Read, MachinesOnly: false)))
            .AddPolicy(ActPolicy, policy => Api(policy).AddRequirements(new ScopeRequirement(ApiScopes.Act, MachinesOnly: false)))
            .AddPolicy(EventsPolicy, policy => Api(policy).AddRequirements(new ScopeRequirement(ApiScopes.Events, MachinesOnly: true)))
            .AddPolicy(StaffPolicy, policy => policy.AddAuthenticationSchemes(AppSignIn.CookieScheme).RequireAuthenticatedUser()
                .AddRequirements(new StaffRequirement()));
        builder.Services.AddSingleton<IAuthorizationHandler, StaffHandler>();
    }

    // Api:Authority names the issuer of machine clients' tokens when it is not this host's local provider (whose metadata
    // JwtBearer then reads); with the local provider and no authority, the provider's own key verifies them, no metadata
    // fetched, the same key on every node (LocalProviderKeys).
    private static void ConfigureBearer(JwtBearerOptions options, IConfiguration configuration, IServiceProvider services)
    {
        options.Audience = configuration["Api:Audience"] ?? ApiScopes.Audience;
        var authority = configuration["Api:Authority"];
        if (!string.IsNullOrWhiteSpace(authority))
        {
            options.Authority = authority;
            options.RequireHttpsMetadata = configuration.GetValue("Api:RequireHttpsMetadata", true);
            return;
        }

        if (services.GetService<LocalProviderKeys>() is { } keys)
        {
            var provider = services.GetRequiredService<IOptions<LocalProviderOptions>>().Value;
            options.TokenValidationParameters.IssuerSigningKey = keys.Signing;
            options.TokenValidationParameters.ValidIssuers = string.IsNullOrWhiteSpace(provider.Issuer)
                ? LocalProviderStartup.AppAddresses(services.GetRequiredService<IServer>(), provider).Select(a => a.ToString()).ToList()
                : [new Uri(provider.Issuer, UriKind.Absolute).AbsoluteUri];
        }
    }

    private static AuthorizationPolicyBuilder Api(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser();

    private static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    // The token is valid: what the API knows of the client is its id, its name, the scopes granted and the roles the app
    // grants it (read from the app's table, MachineClientRoles). Nothing else of the token is kept.
    private static async Task AsMachineClientAsync(TokenValidatedContext context)
    {
        var token = context.Principal ?? throw new InvalidOperationException("A validated token has a principal.");
        var subject = token.FindFirstValue(SessionClaims.Subject);
        if (string.IsNullOrEmpty(subject))
        {
            context.Fail("The access token has no subject.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var roles = await services.GetRequiredService<MachineClientRoles>()
            .ForAsync(subject, services.GetRequiredService<PlatformDbContext>(), context.HttpContext.RequestAborted);
        var claims = new List<Claim>
        {
            new(SessionClaims.Subject, subject),
            new(SessionClaims.Name, token.FindFirstValue(SessionClaims.Name) ?? subject),
        };
        // RFC 9068: "scope" is one space-separated string; some issuers send one claim per scope.
        claims.AddRange(token.FindAll(Requester.ScopeClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).Select(s => new Claim(Requester.ScopeClaim, s)));
        claims.AddRange(roles.Select(r => new Claim(SessionClaims.Role, r)));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Requester.MachineIdentity, SessionClaims.Name, SessionClaims.Role));
    }

    /// <summary>A person may (their roles decide further); a machine client needs the scope in its token.</summary>
    private sealed record ScopeRequirement(string Scope, bool MachinesOnly) : IAuthorizationRequirement;

    private sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
        {
            if (Requester.Of(context.User) is { } requester && requester.Has(requirement.Scope) && (requester.IsMachine || !requirement.MachinesOnly))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A person holding a global role of the actor model (case handler, policy officer...) or the administrator role.</summary>
    private sealed record StaffRequirement : IAuthorizationRequirement;

    private sealed class StaffHandler(WorkflowDefinitions definitions) : AuthorizationHandler<StaffRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
        {
            if (Requester.Of(context.User) is { IsMachine: false } person && person.Roles.Any(r => r == SessionClaims.Administrator
                || definitions.Roles.TryGet(r, out var role) && role.Scope == RoleScope.Global && r != RoleCatalogue.SystemRole))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
