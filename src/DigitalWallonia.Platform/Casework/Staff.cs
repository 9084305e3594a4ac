using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Casework;

/// <summary>Staff are the people holding a global role of the actor model (case-handler, supervisor...), the system aside.</summary>
public static class Staff
{
    public static bool Is(Actor actor, RoleCatalogue roles)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(roles);
        return actor.Roles.Any(r => r != RoleCatalogue.SystemRole && roles.TryGet(r, out var role) && role.Scope == RoleScope.Global);
    }

    /// <exception cref="InvalidOperationException">The actor is not staff.</exception>
    internal static void Require(Actor actor, RoleCatalogue roles, string what)
    {
        if (!Is(actor, roles))
        {
            throw new InvalidOperationException($"Only staff (a global role such as case-handler) {what}; {actor.SubjectId} holds {string.Join(", ", actor.Roles)}.");
        }
    }
}
