using DigitalWallonia.Web.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Hosting;

/// <summary>
/// Who may open what, in one table: every page needs a signed-in person unless marked anonymous; each audience's folder
/// admits the roles of <see cref="Homes.Audiences"/>. Resource checks (this dossier, this mandate) come with the pages
/// that need them.
/// </summary>
public static class WebAuthorization
{
    public static void AddWebAuthorization(this IServiceCollection services)
    {
        foreach (var (folder, roles) in Homes.Audiences)
        {
            services.AddAuthorizationBuilder().AddPolicy(PolicyName(folder), policy => policy.RequireRole(roles));
        }
    }

    public static void Configure(RazorPagesOptions pages)
    {
        pages.RootDirectory = "/";
        // Every page needs a signed-in person unless it says otherwise ([AllowAnonymous]: the provider's sign-in page, the
        // refusal page). Not a fallback policy: an address that exists nowhere must stay a 404, not become a sign-in.
        pages.Conventions.AuthorizeFolder("/");
        pages.Conventions.AllowAnonymousToPage("/Index");
        // The plan's public progress pages; the folder's subfolders (Agency, Carrier, Plan) keep their policies.
        foreach (var page in Reporting.PublicPages.All)
        {
            pages.Conventions.AllowAnonymousToPage(page);
        }
        foreach (var folder in Homes.Audiences.Keys)
        {
            pages.Conventions.AuthorizeFolder(folder, PolicyName(folder));
        }
    }

    private static string PolicyName(string folder) => folder.TrimStart('/').ToLowerInvariant();
}
