namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Who must hear: everyone holding <see cref="Role"/>, restricted to <see cref="PartyId"/> for a party-scoped role. The
/// platform resolves the people and writes one outbox row per person in that person's language (French when unknown).
/// </summary>
public sealed record NotificationRecipient(string Role, string? PartyId);
