using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Companies;

/// <summary>
/// An enterprise as the Crossroads Bank for Enterprises (BCE/KBO) publishes it in its open-data extract (enterprise.csv):
/// its number, status, legal situation and legal form. Kept as the last extract said; an enterprise that leaves the
/// extract is not deleted but marked stopped, so dossiers that named it still find it.
/// </summary>
public sealed class RegisteredEnterprise
{
    /// <summary>The status code of an active enterprise in the extract ("AC"); the open-data extract lists only those.</summary>
    public const string ActiveStatus = "AC";

    private RegisteredEnterprise(EnterpriseNumber number) => Number = number;

    public long Id { get; private set; }

    public EnterpriseNumber Number { get; private set; }

    /// <summary>Status code as published (AC = active).</summary>
    public string Status { get; private set; } = "";

    /// <summary>Legal situation code (code.csv category JuridicalSituation; 000 = normal situation).</summary>
    public string JuridicalSituation { get; private set; } = "";

    /// <summary>1 = natural person, 2 = legal person (code.csv category TypeOfEnterprise).</summary>
    public string TypeOfEnterprise { get; private set; } = "";

    /// <summary>Legal form code (code.csv category JuridicalForm), empty for a natural person.</summary>
    public string? JuridicalForm { get; private set; }

    public DateOnly StartDate { get; private set; }

    /// <summary>When the register stopped listing the enterprise (the snapshot date of the extract that dropped it).</summary>
    public DateOnly? StoppedOn { get; private set; }

    /// <summary>The number of the last extract that wrote this row.</summary>
    public int ExtractNumber { get; private set; }

    public bool IsActive => StoppedOn is null && Status == ActiveStatus;

    internal static RegisteredEnterprise New(EnterpriseNumber number) => new(number);

    internal void Update(string status, string juridicalSituation, string typeOfEnterprise, string? juridicalForm, DateOnly startDate, int extract)
    {
        Status = status;
        JuridicalSituation = juridicalSituation;
        TypeOfEnterprise = typeOfEnterprise;
        JuridicalForm = juridicalForm;
        StartDate = startDate;
        StoppedOn = null;
        ExtractNumber = extract;
    }

    internal void Stop(DateOnly on, int extract)
    {
        StoppedOn ??= on;
        ExtractNumber = extract;
    }
}
