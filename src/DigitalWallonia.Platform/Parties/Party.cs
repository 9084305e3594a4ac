using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Parties;

/// <summary>An organisation (with its enterprise number) or a person that takes part in dossiers.</summary>
public sealed class Party : IVersioned
{
    private readonly List<EstablishmentUnit> _establishmentUnits = [];
    private readonly List<Contact> _contacts = [];

    private Party(PartyKind kind, string name, EnterpriseNumber? enterpriseNumber)
    {
        Kind = kind;
        Name = name;
        EnterpriseNumber = enterpriseNumber;
    }

    public long Id { get; private set; }

    public PartyKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Set for organisations registered at the BCE/KBO; unique.</summary>
    public EnterpriseNumber? EnterpriseNumber { get; private set; }

    /// <summary>When the organisation's fiscal year ends; unknown (null) until declared. Persons have none.</summary>
    public FiscalYearEnd? FiscalYearEnd { get; private set; }

    public long Version { get; private set; } = 1;

    public IReadOnlyList<EstablishmentUnit> EstablishmentUnits => _establishmentUnits;

    public IReadOnlyList<Contact> Contacts => _contacts;

    public static Party Organisation(string name, EnterpriseNumber enterpriseNumber) =>
        new(PartyKind.Organisation, RequireName(name), enterpriseNumber);

    /// <summary>
    /// An organisation known by its name only, its enterprise number not (yet) recorded: a public body as the plan of
    /// measures names it. It cannot apply for aid (the programmes read the company register by enterprise number).
    /// </summary>
    public static Party Organisation(string name) => new(PartyKind.Organisation, RequireName(name), null);

    /// <summary>Records the organisation's enterprise number once it is known.</summary>
    public void Identify(EnterpriseNumber enterpriseNumber)
    {
        if (Kind != PartyKind.Organisation)
        {
            throw new InvalidOperationException($"{Name} is a person; only organisations have an enterprise number.");
        }

        EnterpriseNumber = enterpriseNumber;
    }

    public static Party Person(string name) => new(PartyKind.Person, RequireName(name), null);

    public EstablishmentUnit AddEstablishmentUnit(EstablishmentUnitNumber number, string name, string street, string postcode, string municipality)
    {
        if (Kind != PartyKind.Organisation)
        {
            throw new InvalidOperationException($"{Name} is a person; only organisations have establishment units.");
        }

        var unit = new EstablishmentUnit(number, name, street, postcode, municipality);
        _establishmentUnits.Add(unit);
        return unit;
    }

    public Contact AddContact(string name, string email, string preferredLanguage)
    {
        var contact = new Contact(name, email, preferredLanguage);
        _contacts.Add(contact);
        return contact;
    }

    public void DeclareFiscalYearEnd(FiscalYearEnd end)
    {
        if (Kind != PartyKind.Organisation)
        {
            throw new InvalidOperationException($"{Name} is a person; only organisations have a fiscal year.");
        }

        FiscalYearEnd = end;
    }

    public void Rename(string name) => Name = RequireName(name);

    void IVersioned.IncrementVersion() => Version++;

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A party needs a name.", nameof(name)) : name.Trim();
}
