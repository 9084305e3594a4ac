using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>Links a party to a dossier in a role (applicant, provider, expert...): a dossier has no single "company" key.</summary>
public sealed class DossierParty
{
    private DossierParty()
    {
        Role = "";
        Party = null!; // set by EF Core when materialised
    }

    internal DossierParty(Party party, string role)
    {
        Party = party;
        PartyId = party.Id; // known for a stored party before the dossier is saved: a dossier's start is evaluated first
        Role = role;
    }

    public long DossierId { get; private set; }

    public long PartyId { get; private set; }

    public Party Party { get; private set; }

    /// <summary>One of <see cref="DossierRoles.All"/>.</summary>
    public string Role { get; private set; }
}
