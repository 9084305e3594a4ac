using System.Security.Claims;

namespace DigitalWallonia.Web.Account;

/// <summary>Where each audience lands after sign-in, and which roles each audience's folder admits.</summary>
public static class Homes
{
    public const string Workspace = "/Workspace";
    public const string Portal = "/Portal";
    public const string Studio = "/Studio";
    public const string Admin = "/Admin";
    /// <summary>The digital agency's reporting pages (the public ones are /Reporting itself, open to anyone).</summary>
    public const string Reporting = "/Reporting/Agency";

    /// <summary>Measure carriers' reporting tasks; each page also checks for which carriers the person reports.</summary>
    public const string Carrier = "/Reporting/Carrier";

    /// <summary>The plan's catalogue (measures, indicators, carriers' reporters), edited by administrators.</summary>
    public const string Plan = "/Reporting/Plan";

    /// <summary>The roles each folder admits (WebAuthorization uses the same table).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Audiences = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Admin] = [SessionClaims.Administrator],
        [Studio] = ["policy-officer"],
        [Workspace] = ["case-handler", "supervisor", "committee-member"],
        [Reporting] = ["digital-agency", "policy-officer", "supervisor"],
        [Carrier] = ["measure-carrier"],
        [Plan] = [SessionClaims.Administrator],
        [Portal] = ["company-representative", "measure-carrier", "applicant", "provider", "expert", "promoter"],
    };

    // The first audience whose roles the person holds, in this order: an administrator who also handles cases lands on Admin.
    private static readonly string[] Order = [Admin, Studio, Workspace, Reporting, Carrier, Portal];

    public static string For(ClaimsPrincipal user)
    {
        foreach (var folder in Order)
        {
            if (Audiences[folder].Any(user.IsInRole))
            {
                return folder;
            }
        }

        return "/";
    }
}
