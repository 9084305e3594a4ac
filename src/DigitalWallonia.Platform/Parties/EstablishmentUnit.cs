namespace DigitalWallonia.Platform.Parties;

/// <summary>A place where an organisation operates (unité d'établissement), with the address that decides its region.</summary>
public sealed class EstablishmentUnit
{
    internal EstablishmentUnit(EstablishmentUnitNumber number, string name, string street, string postcode, string municipality)
    {
        if (postcode.Length != 4 || !postcode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"A Belgian postcode has four digits; got '{postcode}'.", nameof(postcode));
        }

        Number = number;
        Name = name;
        Street = street;
        Postcode = postcode;
        Municipality = municipality;
    }

    public long Id { get; private set; }

    public long PartyId { get; private set; }

    public EstablishmentUnitNumber Number { get; private set; }

    public string Name { get; private set; }

    public string Street { get; private set; }

    /// <summary>Four-digit Belgian postcode.</summary>
    public string Postcode { get; private set; }

    public string Municipality { get; private set; }
}
