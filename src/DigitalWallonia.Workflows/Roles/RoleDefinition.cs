using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Roles;

/// <summary>
/// A role from <c>workflows/roles.json</c>. For a party-scoped role, <see cref="PartyLink"/> is the dossier's party link
/// (<c>applicant</c>, <c>provider</c>, ...) the actor must act for; it defaults to the role's own key.
/// </summary>
public sealed record RoleDefinition(string Key, LocalizedText Labels, RoleScope Scope)
{
    public string? PartyLink { get; init; }

    /// <summary>The dossier party link checked for a party-scoped role.</summary>
    public string EffectivePartyLink => PartyLink ?? Key;
}
