using DigitalWallonia.Workflows.Roles;

namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Who must hear: everyone holding <see cref="Role"/>, restricted to <see cref="PartyId"/> for a party-scoped role. The
/// platform resolves the people and writes one outbox row per person in that person's language (French when unknown).
/// </summary>
public sealed record NotificationRecipient(string Role, string? PartyId)
{
    /// <summary>
    /// The recipients of a notice to <paramref name="roles"/> on a dossier linked to <paramref name="parties"/>: for a
    /// party-scoped role, one per party of its link (both providers of two); for a global role, or a link with no party,
    /// the role alone (the platform sends it to the role's mailbox, if any).
    /// </summary>
    public static IReadOnlyList<NotificationRecipient> For(IEnumerable<string> roles, RoleCatalogue catalogue, IReadOnlyList<PartyLink> parties)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(parties);
        var recipients = new List<NotificationRecipient>();
        foreach (var role in roles)
        {
            var linked = catalogue.TryGet(role, out var definition) && definition.Scope == RoleScope.Party
                ? parties.Where(p => string.Equals(p.Link, definition.EffectivePartyLink, StringComparison.Ordinal)).Select(p => p.PartyId).Distinct(StringComparer.Ordinal).ToList()
                : [];
            recipients.AddRange(linked.Count == 0 ? [new NotificationRecipient(role, null)] : linked.Select(party => new NotificationRecipient(role, party)));
        }

        return recipients;
    }
}
