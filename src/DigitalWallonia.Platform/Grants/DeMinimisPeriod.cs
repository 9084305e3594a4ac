using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// The first day of the de minimis reference period for a grant date, under each period rule. The rule set
/// rules/common/de-minimis.json computes the same dates from its dated parameters; this is the ledger's side, for
/// reports and for case handlers, and the tests keep the two in step.
/// </summary>
public static class DeMinimisPeriod
{
    /// <summary>Regulation 2023/2831 applies to aid granted from this date (art. 8); 1407/2013 before it.</summary>
    public static readonly DateOnly RollingRuleFrom = new(2024, 1, 1);

    /// <summary>Both regulations count three (fiscal) years (art. 3(2)).</summary>
    public const int Years = 3;

    /// <summary>The period rule of the regulation that applies to aid granted on <paramref name="grantDate"/>.</summary>
    public static DeMinimisPeriodRule RuleFor(DateOnly grantDate) =>
        grantDate < RollingRuleFrom ? DeMinimisPeriodRule.FiscalYears : DeMinimisPeriodRule.RollingYears;

    /// <summary>
    /// The first day (inclusive) of the period that ends on <paramref name="grantDate"/> (inclusive).
    /// Fiscal years: the first day of the fiscal year two years before the current one. Rolling: the day after the
    /// same date three years earlier, so that the period lasts exactly three years.
    /// </summary>
    /// <exception cref="ArgumentException">The fiscal-year rule without a fiscal-year end.</exception>
    public static DateOnly Start(DeMinimisPeriodRule rule, DateOnly grantDate, FiscalYearEnd? fiscalYearEnd)
    {
        if (rule == DeMinimisPeriodRule.RollingYears)
        {
            return grantDate.AddYears(-Years).AddDays(1);
        }

        var end = fiscalYearEnd ?? throw new ArgumentException(
            "Regulation 1407/2013 counts fiscal years: the undertaking's fiscal-year end must be known.", nameof(fiscalYearEnd));
        var currentEnd = end.EndOfYearContaining(grantDate);
        return end.EndIn(currentEnd.Year - Years).AddDays(1);
    }
}
