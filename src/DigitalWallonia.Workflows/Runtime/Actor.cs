namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// Who fires a trigger: an opaque subject id from any identity provider, a display name (personal data: kept out of
/// hashes), the roles held, and the party acted for (an enterprise number, say) when acting for one.
/// </summary>
public sealed record Actor(string SubjectId, string DisplayName, IReadOnlyList<string> Roles, string? PartyId = null)
{
    /// <summary>The scheduler and the platform itself: holds the global <c>system</c> role only.</summary>
    public static Actor System { get; } = new("system", "DigitalWallonia", ["system"]);
}
