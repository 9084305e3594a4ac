namespace DigitalWallonia.Platform.Companies;

/// <summary>A name of an enterprise or establishment unit (denomination.csv), in one language.</summary>
public sealed class RegisteredDenomination
{
    /// <summary>TypeOfDenomination of the legal name; 002 is an abbreviation, 003 a commercial name.</summary>
    public const string LegalName = "001";

    private RegisteredDenomination(string entityNumber, string language, string typeOfDenomination, string denomination)
    {
        EntityNumber = entityNumber;
        Language = language;
        TypeOfDenomination = typeOfDenomination;
        Denomination = denomination;
    }

    public long Id { get; private set; }

    public string EntityNumber { get; private set; }

    /// <summary>0 unknown, 1 French, 2 Dutch, 3 German, 4 English (code.csv category Language).</summary>
    public string Language { get; private set; }

    public string TypeOfDenomination { get; private set; }

    public string Denomination { get; private set; }

    internal static RegisteredDenomination New(string entityNumber, string language, string type, string denomination) =>
        new(entityNumber, language, type, denomination);
}
