using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Tests.Grants;

public class DeMinimisPeriodTests
{
    [Fact]
    public void Aid_granted_until_31_December_2023_follows_the_fiscal_year_rule_and_from_1_January_2024_the_rolling_rule()
    {
        Assert.Equal(DeMinimisPeriodRule.FiscalYears, DeMinimisPeriod.RuleFor(new(2023, 12, 31)));
        Assert.Equal(DeMinimisPeriodRule.RollingYears, DeMinimisPeriod.RuleFor(new(2024, 1, 1)));
    }

    [Fact]
    public void With_calendar_fiscal_years_the_period_starts_on_1_January_two_years_back()
    {
        var start = DeMinimisPeriod.Start(DeMinimisPeriodRule.FiscalYears, new(2023, 6, 30), FiscalYearEnd.CalendarYear);

        Assert.Equal(new DateOnly(2021, 1, 1), start);
    }

    [Fact]
    public void With_a_fiscal_year_ending_on_31_March_the_period_starts_on_1_April()
    {
        Assert.Equal(new DateOnly(2020, 4, 1), DeMinimisPeriod.Start(DeMinimisPeriodRule.FiscalYears, new(2023, 3, 31), new FiscalYearEnd(3, 31)));
        Assert.Equal(new DateOnly(2021, 4, 1), DeMinimisPeriod.Start(DeMinimisPeriodRule.FiscalYears, new(2023, 4, 1), new FiscalYearEnd(3, 31)));
    }

    [Fact]
    public void A_fiscal_year_ending_on_29_February_ends_on_28_February_in_common_years()
    {
        var end = new FiscalYearEnd(2, 29);

        Assert.Equal(new DateOnly(2023, 2, 28), end.EndIn(2023));
        Assert.Equal(new DateOnly(2024, 2, 29), end.EndIn(2024));
        Assert.Equal(new DateOnly(2021, 3, 1), DeMinimisPeriod.Start(DeMinimisPeriodRule.FiscalYears, new(2023, 12, 1), end));
    }

    [Fact]
    public void The_rolling_period_lasts_exactly_three_years_up_to_the_grant_date()
    {
        Assert.Equal(new DateOnly(2022, 3, 16), DeMinimisPeriod.Start(DeMinimisPeriodRule.RollingYears, new(2025, 3, 15), null));
    }

    [Fact]
    public void The_fiscal_year_rule_needs_the_fiscal_year_end()
    {
        Assert.Throws<ArgumentException>(() => DeMinimisPeriod.Start(DeMinimisPeriodRule.FiscalYears, new(2023, 3, 15), null));
    }

    [Fact]
    public void An_impossible_fiscal_year_end_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYearEnd(4, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYearEnd(13, 1));
    }
}
