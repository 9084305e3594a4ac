using System.Globalization;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Shared;

namespace DigitalWallonia.Web.Reporting;

/// <summary>
/// How the reporting pages write values: numbers in the reader's culture (fr-BE: <c>1 250,5</c>, a narrow no-break space
/// between thousands so a screen reader reads one number), percentages with their sign, amounts in euros, yes/no in words.
/// </summary>
public static class Display
{
    public static string Number(decimal value) => OpenData.Normalise(value).ToString("#,0.####", CultureInfo.CurrentCulture);

    public static string Percent(decimal value) => Ui.IsEnglish ? $"{Number(value)}%" : $"{Number(value)}\u00A0%";

    public static string Value(IndicatorKind kind, string? unit, decimal? number, bool? yesNo, string? text) => kind switch
    {
        _ when number is null && yesNo is null && text is null => Ui.T("reporting.none"),
        IndicatorKind.YesNo => yesNo is true ? Ui.T("reporting.yes") : Ui.T("reporting.no"),
        IndicatorKind.Text => text ?? Ui.T("reporting.none"),
        IndicatorKind.Percentage => Percent(number!.Value),
        IndicatorKind.Amount => number!.Value.ToString("C2", CultureInfo.CurrentCulture.Name == "en" ? CultureInfo.GetCultureInfo("en-IE") : CultureInfo.CurrentCulture),
        _ => unit is { Length: > 0 } ? $"{Number(number!.Value)}\u00A0{unit}" : Number(number!.Value),
    };

    public static string Target(IndicatorKind kind, string? unit, decimal? target) => target is null
        ? Ui.T("reporting.none")
        : kind == IndicatorKind.YesNo ? (target != 0 ? Ui.T("reporting.yes") : Ui.T("reporting.no")) : Value(kind, unit, target, null, null);

    public static string Progress(decimal? progress) => progress is { } p ? Percent(p) : Ui.T("reporting.not-computable");

    public static string Assessment(string assessment) => Ui.T($"reporting.assessment.{assessment}");

    public static string Kind(IndicatorKind kind) => Ui.T($"reporting.kind.{IndicatorKinds.Name(kind)}");

    public static string Periodicity(ReportingPeriodicity periodicity) => Ui.T($"reporting.periodicity.{IndicatorKinds.Name(periodicity)}");

    public static string State(string state) => Ui.T($"reporting.state.{state}");

    public static string Date(DateTimeOffset instant) =>
        Platform.Scheduling.DeadlinePlanner.LegalDate(instant).ToString(Ui.IsEnglish ? "d MMMM yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The last day of a deadline that ends at 24:00 (stored as the next day's midnight).</summary>
    public static string DueDay(DateTimeOffset dueAt) => Date(dueAt.AddTicks(-1));

    /// <summary>The tag colour govuk-frontend gives an assessment (always with its words: colour is never the only cue).</summary>
    public static string AssessmentTag(string assessment) => assessment switch
    {
        Assessments.OnTrack or Assessments.Achieved => "govuk-tag--green",
        Assessments.Delayed => "govuk-tag--yellow",
        Assessments.AtRisk => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string StateTag(string state) => state switch
    {
        ReportingStates.Overdue => "govuk-tag--red",
        ReportingStates.Returned => "govuk-tag--orange",
        ReportingStates.Submitted => "govuk-tag--blue",
        ReportingStates.Validated or ReportingStates.Published => "govuk-tag--green",
        ReportingStates.Unreported => "govuk-tag--grey",
        _ => "govuk-tag--yellow",
    };
}
