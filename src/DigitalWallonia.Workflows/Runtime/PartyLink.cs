namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// A party linked to a dossier under <see cref="Link"/> (<c>applicant</c>, <c>provider</c>, <c>expert</c>...). A link may
/// hold several parties — two providers sharing a service, two experts on one audit — and each of them holds the roles
/// the link gives.
/// </summary>
public sealed record PartyLink(string Link, string PartyId);
