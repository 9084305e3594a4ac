namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// An organisation that carries measures: a party (its name and, when known, its enterprise number, which lets the
/// people holding a <c>measure-carrier</c> mandate for it report) under a stable key the data files use.
/// </summary>
public sealed class ReportingCarrier
{
    private ReportingCarrier()
    {
        Key = ShortName = string.Empty;
    }

    internal ReportingCarrier(string key, long partyId, string shortName)
    {
        Key = key;
        PartyId = partyId;
        ShortName = shortName;
    }

    public string Key { get; private set; }

    public long PartyId { get; private set; }

    /// <summary>The acronym the plan uses (AdN, AWEX, DGO6).</summary>
    public string ShortName { get; private set; }
}
