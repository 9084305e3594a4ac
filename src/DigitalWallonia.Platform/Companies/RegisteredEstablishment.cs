using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Companies;

/// <summary>An establishment unit of an enterprise as the BCE/KBO extract lists it (establishment.csv).</summary>
public sealed class RegisteredEstablishment
{
    private RegisteredEstablishment(EstablishmentUnitNumber number, EnterpriseNumber enterpriseNumber, DateOnly startDate)
    {
        Number = number;
        EnterpriseNumber = enterpriseNumber;
        StartDate = startDate;
    }

    public long Id { get; private set; }

    public EstablishmentUnitNumber Number { get; private set; }

    public EnterpriseNumber EnterpriseNumber { get; private set; }

    public DateOnly StartDate { get; private set; }

    internal static RegisteredEstablishment New(EstablishmentUnitNumber number, EnterpriseNumber enterprise, DateOnly startDate) =>
        new(number, enterprise, startDate);
}
