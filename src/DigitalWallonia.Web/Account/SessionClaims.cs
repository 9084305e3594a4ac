using System.Security.Claims;
using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Account;

/// <summary>
/// What the session cookie holds: subject, name, the enterprises the person may act for (party) and their roles, the
/// staff roles read from the app's own table and the mandates as the provider asserted them at this sign-in (kept in the
/// app's table, the ones no longer asserted removed). Nothing else of the token is kept.
/// </summary>
public static class SessionClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Acr = "acr";

    /// <summary>One claim per mandate: "ENTERPRISE:ROLE" (ten digits, a party role of workflows/roles.json).</summary>
    public const string Party = "party";

    public const string Administrator = "administrator";

    public static async Task<ClaimsPrincipal> BuildAsync(ClaimsPrincipal fromToken, PlatformDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subject = fromToken.FindFirstValue(Subject) ?? throw new InvalidOperationException("The identity token has no subject.");
        var asserted = fromToken.FindAll(Identity.LocalProvider.MandatesClaim)
            .Select(c => c.Value.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Length == 10 && parts[0].All(char.IsAsciiDigit) && parts[1].Length > 0)
            .Select(parts => (Enterprise: parts[0], Role: parts[1]))
            .Distinct()
            .ToList();

        var stored = await db.Mandates.Where(m => m.Subject == subject).ToListAsync(cancellationToken);
        foreach (var mandate in stored)
        {
            if (asserted.Contains((mandate.EnterpriseNumber, mandate.Role)))
            {
                mandate.Reassert(now);
            }
            else
            {
                db.Mandates.Remove(mandate);
            }
        }

        foreach (var (enterprise, role) in asserted.Where(a => !stored.Exists(m => m.EnterpriseNumber == a.Enterprise && m.Role == a.Role)))
        {
            db.Mandates.Add(new Mandate(subject, enterprise, role, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        var staffRoles = await db.StaffRoleGrants.AsNoTracking().Where(g => g.Subject == subject).Select(g => g.Role).ToListAsync(cancellationToken);
        // A person an administrator named as reporting for a measure carrier (without a mandate) acts as a measure carrier.
        if (await db.Set<Platform.Reporting.CarrierReporter>().AnyAsync(r => r.Subject == subject, cancellationToken))
        {
            staffRoles.Add(Platform.Reporting.CarrierAccess.MandateRole);
        }

        var claims = new List<Claim>
        {
            new(Subject, subject),
            new(Name, fromToken.FindFirstValue(Name) ?? subject),
            new(Acr, fromToken.FindFirstValue(Acr) ?? string.Empty),
        };
        claims.AddRange(staffRoles.Concat(asserted.Select(a => a.Role)).Distinct().Select(r => new Claim(Role, r)));
        claims.AddRange(asserted.Select(a => new Claim(Party, $"{a.Enterprise}:{a.Role}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc", Name, Role));
    }
}
