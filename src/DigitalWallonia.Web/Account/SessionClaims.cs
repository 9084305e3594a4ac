using System.Security.Claims;
using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Account;

/// <summary>
/// What the session cookie holds: subject, name, the enterprises the person may act for (party) and their roles, the
/// staff roles read from the app's own table with their programme scope, and the mandates as the provider asserted them at
/// this sign-in (kept in the app's table, the ones no longer asserted removed) together with those an administrator
/// granted. Nothing else of the token is kept. The person's name is remembered for the administrators' pages.
/// </summary>
public static class SessionClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Acr = "acr";

    /// <summary>The authentication scheme the person signed in with (companies' or staff's provider), for signing out there.</summary>
    public const string Provider = "idp";

    /// <summary>One claim per mandate: "ENTERPRISE:ROLE" (ten digits, a party role of workflows/roles.json).</summary>
    public const string Party = "party";

    /// <summary>
    /// One claim per staff role grant: "ROLE:PROGRAMME", the programme being <c>*</c> for all (StaffRoleGrant.EveryProgramme).
    /// The plain <see cref="Role"/> claim says the person holds the role somewhere (folder policies); this says where.
    /// </summary>
    public const string ProgrammeRole = "programme-role";

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
            else if (mandate.GrantedBy is null)
            {
                db.Mandates.Remove(mandate); // the provider no longer asserts it; one an administrator granted stays
            }
        }

        foreach (var (enterprise, role) in asserted.Where(a => !stored.Exists(m => m.EnterpriseNumber == a.Enterprise && m.Role == a.Role)))
        {
            db.Mandates.Add(new Mandate(subject, enterprise, role, now));
        }

        var name = fromToken.FindFirstValue(Name) ?? subject;
        if (await db.KnownPeople.FindAsync([subject], cancellationToken) is { } known)
        {
            known.SignedIn(name, now);
        }
        else
        {
            db.KnownPeople.Add(new KnownPerson(subject, name, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        var mandates = asserted.Concat(stored.Where(m => m.GrantedBy is not null).Select(m => (Enterprise: m.EnterpriseNumber, m.Role))).Distinct().ToList();
        var staffRoles = await db.StaffRoleGrants.AsNoTracking().Where(g => g.Subject == subject)
            .Select(g => new { g.Role, g.Programme }).ToListAsync(cancellationToken);
        // A person an administrator named as reporting for a measure carrier (without a mandate) acts as a measure carrier.
        if (await db.Set<Platform.Reporting.CarrierReporter>().AnyAsync(r => r.Subject == subject, cancellationToken))
        {
            staffRoles.Add(new { Role = Platform.Reporting.CarrierAccess.MandateRole, Programme = StaffRoleGrant.EveryProgramme });
        }

        var claims = new List<Claim>
        {
            new(Subject, subject),
            new(Name, name),
            new(Acr, fromToken.FindFirstValue(Acr) ?? string.Empty),
        };
        claims.AddRange(staffRoles.Select(g => g.Role).Concat(mandates.Select(a => a.Role)).Distinct().Select(r => new Claim(Role, r)));
        claims.AddRange(staffRoles.Select(g => new Claim(ProgrammeRole, $"{g.Role}:{g.Programme}")));
        claims.AddRange(mandates.Select(a => new Claim(Party, $"{a.Enterprise}:{a.Role}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc", Name, Role));
    }
}
