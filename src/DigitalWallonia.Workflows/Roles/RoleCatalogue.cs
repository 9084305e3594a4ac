using System.Diagnostics.CodeAnalysis;

namespace DigitalWallonia.Workflows.Roles;

/// <summary>The roles known to the platform, keyed case-sensitively as written in definitions. Immutable and thread-safe.</summary>
public sealed class RoleCatalogue
{
    private readonly Dictionary<string, RoleDefinition> _roles;

    public RoleCatalogue(IEnumerable<RoleDefinition> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        _roles = new Dictionary<string, RoleDefinition>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            _roles.TryAdd(role.Key, role);
        }
    }

    /// <summary>The role every scheduler or platform-initiated firing acts with.</summary>
    public const string SystemRole = "system";

    public IReadOnlyCollection<RoleDefinition> Roles => _roles.Values;

    public bool Contains(string key) => _roles.ContainsKey(key);

    public bool TryGet(string key, [NotNullWhen(true)] out RoleDefinition? role) => _roles.TryGetValue(key, out role);
}
