using System.Security.Claims;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Web.Workspace;

/// <summary>The signed-in staff member as the workflow engine knows a person: subject, name and roles from the session.</summary>
public static class StaffActor
{
    public static Actor Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirstValue(SessionClaims.Subject) ?? throw new InvalidOperationException("The session has no subject.");
        return new Actor(subject, user.FindFirstValue(SessionClaims.Name) ?? subject, [.. user.FindAll(SessionClaims.Role).Select(c => c.Value).Distinct()]);
    }
}
