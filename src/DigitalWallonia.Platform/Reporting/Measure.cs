using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// A measure of the plan (<c>M1</c> .. <c>M50</c>, more may be added): under a priority axis, carried by one organisation
/// (its lead carrier; the plan's own wording is kept in <see cref="CarrierAsWritten"/>), with its indicators.
/// </summary>
public sealed class Measure : IVersioned
{
    private Measure()
    {
        Id = Title = AxisCode = CarrierKey = CarrierAsWritten = string.Empty;
    }

    internal Measure(string id, int number, string title, string axisCode, string carrierKey)
    {
        Id = id;
        Number = number;
        Title = title;
        AxisCode = axisCode;
        CarrierKey = carrierKey;
        CarrierAsWritten = string.Empty;
    }

    /// <summary><c>M</c> and the number: the identifier the open data and the pages use.</summary>
    public string Id { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    public string? Summary { get; private set; }

    public string AxisCode { get; private set; }

    /// <summary>The lead carrier (<see cref="ReportingCarrier.Key"/>), to whom the reporting tasks go.</summary>
    public string CarrierKey { get; private set; }

    /// <summary>The carriers as the plan writes them ("Clusters et AdN").</summary>
    public string CarrierAsWritten { get; private set; }

    /// <summary>The plan's main participants, separated by "; ".</summary>
    public string? Participants { get; private set; }

    public int? LaunchYear { get; private set; }

    public int? FullRegimeYear { get; private set; }

    /// <summary>Where the measure's card is in the plan: page of the PDF and lines of the text.</summary>
    public int? Page { get; private set; }

    public int? FirstLine { get; private set; }

    public int? LastLine { get; private set; }

    /// <summary>What the plan says of its indicators when it gives none ("A définir").</summary>
    public string? IndicatorsStatus { get; private set; }

    public long Version { get; private set; } = 1;

    internal void Describe(string? summary, string carrierAsWritten, string? participants, int? launchYear, int? fullRegimeYear,
        int? page, int? firstLine, int? lastLine, string? indicatorsStatus)
    {
        Summary = summary;
        CarrierAsWritten = carrierAsWritten;
        Participants = participants;
        LaunchYear = launchYear;
        FullRegimeYear = fullRegimeYear;
        Page = page;
        FirstLine = firstLine;
        LastLine = lastLine;
        IndicatorsStatus = indicatorsStatus;
    }

    internal void Edit(string title, string? summary, string carrierKey, int? launchYear, int? fullRegimeYear)
    {
        Title = title;
        Summary = summary;
        CarrierKey = carrierKey;
        LaunchYear = launchYear;
        FullRegimeYear = fullRegimeYear;
    }

    void IVersioned.IncrementVersion() => Version++;
}
