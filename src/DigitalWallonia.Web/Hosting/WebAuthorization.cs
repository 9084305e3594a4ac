using DigitalWallonia.Web.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Hosting;

/// <summary>
/// Who may open what, in one table: everything needs a signed-in person unless marked anonymous; each audience's folder
/// admits the roles of <see cref="Homes.Audiences"/>. Resource checks (this dossier, this mandate) come with the pages
/// that need them.
/// </summary>
public static class WebAuthorization
{
    public static void AddWebAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (folder, roles) in Homes.Audiences)
        {
            services.AddAuthorizationBuilder().AddPolicy(PolicyName(folder), policy => policy.RequireRole(roles));
        }
    }

    public static void Configure(RazorPagesOptions pages)
    {
        pages.RootDirectory = "/";
        pages.Conventions.AllowAnonymousToPage("/Index");
        foreach (var folder in Homes.Audiences.Keys)
        {
            pages.Conventions.AuthorizeFolder(folder, PolicyName(folder));
        }
    }

    private static string PolicyName(string folder) => folder.TrimStart('/').ToLowerInvariant();
}
