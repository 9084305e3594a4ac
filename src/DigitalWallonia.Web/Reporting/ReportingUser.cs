using System.Globalization;
using System.Security.Claims;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Web.Reporting;

/// <summary>The signed-in person as the reporting pages need them: for which carriers they report, and as a workflow actor.</summary>
public static class ReportingUser
{
    public const string AgencyRole = "digital-agency";

    public static string Subject(ClaimsPrincipal user) => user.FindFirstValue(SessionClaims.Subject) ?? throw new InvalidOperationException("The session has no subject.");

    public static string Name(ClaimsPrincipal user) => user.FindFirstValue(SessionClaims.Name) ?? Subject(user);

    /// <summary>The carriers the person reports for: named by an administrator, or by a measure-carrier mandate for the carrier's enterprise.</summary>
    public static Task<IReadOnlyList<(string Key, long PartyId)>> CarriersAsync(CarrierAccess access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mandates = user.FindAll(SessionClaims.Party)
            .Select(c => c.Value.Split(':', 2))
            .Where(p => p.Length == 2 && p[1] == CarrierAccess.MandateRole)
            .Select(p => p[0])
            .ToList();
        return access.CarriersForAsync(Subject(user), mandates, cancellationToken);
    }

    /// <summary>The person acting for the carrier <paramref name="partyId"/> in the reporting workflow.</summary>
    public static Actor Carrier(ClaimsPrincipal user, long partyId) =>
        new(Subject(user), Name(user), [CarrierAccess.MandateRole], partyId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The digital agency's staff member (only the roles the reporting workflow knows).</summary>
    public static Actor Agency(ClaimsPrincipal user) =>
        new(Subject(user), Name(user), user.IsInRole(AgencyRole) ? [AgencyRole] : []);
}
