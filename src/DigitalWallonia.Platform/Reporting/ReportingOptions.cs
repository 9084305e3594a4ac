using System.ComponentModel.DataAnnotations;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// When reporting cycles open, bound from the <c>Reporting</c> section: each schedule opens a cycle for every period of
/// its periodicity from <see cref="ReportingSchedule.FirstPeriod"/> on, <see cref="ReportingSchedule.OpenAfterDays"/>
/// calendar days after the period ends (Europe/Brussels). The recurring job <c>reporting-cycles</c> checks every
/// <see cref="CheckInterval"/>.
/// </summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>How often a scheduler node looks for a cycle to open. Defaults to 5 minutes.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Who publishes the open data (Data Package contributor, DCAT-AP publisher). Defaults to the Agence du Numérique.</summary>
    public string Publisher { get; set; } = "Agence du Numérique";

    /// <summary>The open data's contact address (DCAT-AP contact point); none by default.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The schedules (<c>Reporting:Schedules:0:Key=yearly</c>...). None by default: no cycle opens by itself.</summary>
    public List<ReportingSchedule> Schedules { get; set; } = [];
}

/// <summary>One recurring cycle: its key (part of the cycle's name), its periodicity and the first period it opens.</summary>
public sealed class ReportingSchedule
{
    /// <summary><c>yearly</c>, <c>quarterly</c>: letters, digits and dashes.</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,39}$")]
    public string Key { get; set; } = string.Empty;

    public ReportingPeriodicity Periodicity { get; set; } = ReportingPeriodicity.Yearly;

    /// <summary>The first period to open (<c>2026</c>, <c>2026-Q1</c>); earlier periods are never opened.</summary>
    [Required]
    public string FirstPeriod { get; set; } = string.Empty;

    /// <summary>Calendar days after the period's last day before its cycle opens (0: the next day). Defaults to 0.</summary>
    [Range(0, 365)]
    public int OpenAfterDays { get; set; }
}
