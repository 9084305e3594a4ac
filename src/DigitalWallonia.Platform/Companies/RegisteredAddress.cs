namespace DigitalWallonia.Platform.Companies;

/// <summary>
/// An address of an enterprise (registered office, REGO) or establishment unit (BAET) as address.csv gives it. The
/// country is empty for a Belgian address; a foreign address keeps its own postcode, which may look Belgian (a
/// Luxembourg 4001 is not Liège), so the country always goes with the postcode.
/// </summary>
public sealed class RegisteredAddress
{
    private RegisteredAddress(string entityNumber, string typeOfAddress, string? country, string? zipcode, string? municipality, string? street,
        string? houseNumber, string? box)
    {
        EntityNumber = entityNumber;
        TypeOfAddress = typeOfAddress;
        Country = country;
        Zipcode = zipcode;
        Municipality = municipality;
        Street = street;
        HouseNumber = houseNumber;
        Box = box;
    }

    public long Id { get; private set; }

    public string EntityNumber { get; private set; }

    /// <summary>REGO (registered office), BAET (establishment unit), ABBR (branch), OBAD (oldest active)...</summary>
    public string TypeOfAddress { get; private set; }

    /// <summary>The country's French name for an address abroad; null in Belgium.</summary>
    public string? Country { get; private set; }

    public string? Zipcode { get; private set; }

    public string? Municipality { get; private set; }

    public string? Street { get; private set; }

    public string? HouseNumber { get; private set; }

    public string? Box { get; private set; }

    public bool IsInBelgium => Country is null;

    internal static RegisteredAddress New(string entityNumber, string type, string? country, string? zipcode, string? municipality, string? street,
        string? houseNumber, string? box) => new(entityNumber, type, country, zipcode, municipality, street, houseNumber, box);
}
