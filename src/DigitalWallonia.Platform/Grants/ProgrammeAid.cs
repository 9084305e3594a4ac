namespace DigitalWallonia.Platform.Grants;

/// <summary>A programme's aid terms (see <see cref="ProgrammeAidOptions"/>).</summary>
public sealed class ProgrammeAid
{
    /// <summary>
    /// "de-minimis" (defaults): Regulation 1407/2013 for grants until 31 December 2023, 2023/2831 from 1 January 2024
    /// (2023/2831 art. 7); or an act number ("651/2014", "other") applied whatever the date.
    /// </summary>
    public string Regulation { get; set; } = "de-minimis";

    public string? Wallet { get; set; }

    public string? Theme { get; set; }

    public string? ChequeType { get; set; }

    private static readonly DateOnly DeMinimis2023From = new(2024, 1, 1);

    public AidRegulation RegulationOn(DateOnly decidedOn) => Regulation == "de-minimis"
        ? decidedOn >= DeMinimis2023From ? AidRegulation.DeMinimis2023 : AidRegulation.DeMinimis2013
        : AidRegulations.Parse(Regulation);
}
