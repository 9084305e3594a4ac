using System.Security.Claims;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Web.Account;

namespace DigitalWallonia.Web.Access;

/// <summary>
/// Who is asking, read once from the request's principal: a person signed in with the session cookie (their staff roles,
/// and the enterprises they hold a mandate for, as <see cref="SessionClaims"/> put them in the cookie) or a machine client
/// with a bearer token (its client id, the scopes the token grants, the roles the app grants it).
/// </summary>
public sealed record Requester
{
    public required string Subject { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Every role held: staff roles granted in the app, and the party roles of the mandates.</summary>
    public required IReadOnlySet<string> Roles { get; init; }

    /// <summary>The enterprises the person may act for, each in a party role (company-representative, provider...).</summary>
    public required IReadOnlyList<EnterpriseMandate> Mandates { get; init; }

    /// <summary>A machine client with a bearer token, not a person with the session cookie.</summary>
    public bool IsMachine { get; init; }

    /// <summary>The scopes a bearer token grants; a person's session is not limited by scopes.</summary>
    public IReadOnlySet<string> Scopes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether the request may do what <paramref name="scope"/> names: a person always, a machine client if its token says so.</summary>
    public bool Has(string scope) => !IsMachine || Scopes.Contains(scope);

    /// <summary>The requester of a signed-in principal; null when nobody is signed in.</summary>
    public static Requester? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = user.Identities.FirstOrDefault(i => i.IsAuthenticated);
        var subject = user.FindFirstValue(SessionClaims.Subject);
        if (identity is null || string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var mandates = new List<EnterpriseMandate>();
        foreach (var claim in user.FindAll(SessionClaims.Party))
        {
            var parts = claim.Value.Split(':', 2);
            if (parts.Length == 2 && EnterpriseNumber.TryParse(parts[0], out var number, out _) && parts[1].Length > 0)
            {
                mandates.Add(new EnterpriseMandate(number, parts[1]));
            }
        }

        return new Requester
        {
            Subject = subject,
            DisplayName = user.FindFirstValue(SessionClaims.Name) ?? subject,
            Roles = user.FindAll(SessionClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            Mandates = mandates,
            IsMachine = identity.AuthenticationType == MachineIdentity,
            Scopes = user.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>The authentication type of the identity the API builds for a bearer token (Api/ApiAuthentication).</summary>
    public const string MachineIdentity = "machine-client";

    /// <summary>One claim per scope granted, in a machine client's identity.</summary>
    public const string ScopeClaim = "scope";
}

/// <summary>A mandate: the person may act for <see cref="Enterprise"/> in party role <see cref="Role"/>.</summary>
public readonly record struct EnterpriseMandate(EnterpriseNumber Enterprise, string Role);
