using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Platform.Tests.Scheduling;

public class CalendarTests
{
    private static readonly WorkingDayCalendar Spw = CalendarCatalogue.Embedded().Get("wallonia-public-service");
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    // A trigger at a Brussels wall-clock time.
    private static DateTimeOffset At(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(new DateTime(year, month, day, hour, minute, 0), Brussels.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    private static DateTimeOffset Due(DateTimeOffset trigger, DeadlineDuration duration) => DeadlineCalculator.DueAt(trigger, duration, Spw);

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Computus.GregorianEasterSunday(year));

    [Fact]
    public void Five_working_days_from_a_Wednesday_skip_the_weekend_and_end_at_midnight_Brussels_time()
    {
        // Wed 14 Jan 2026: Thu 15, Fri 16, Mon 19, Tue 20, Wed 21 -> 24:00 on Wed 21 January = 23:00 UTC (winter time).
        var due = Due(At(2026, 1, 14), DeadlineDuration.WorkingDays(5));

        Assert.Equal(new DateTimeOffset(2026, 1, 21, 23, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void Counting_starts_the_day_after_the_trigger_even_late_at_night()
    {
        // Friday 23:59 Brussels (22:59 UTC): the first day counted is Monday.
        var due = Due(At(2026, 1, 16, 23, 59), DeadlineDuration.WorkingDays(1));

        Assert.Equal(new DateTimeOffset(2026, 1, 19, 23, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Easter_Monday_is_not_counted()
    {
        // Thu 2 Apr 2026: Fri 3, (Sat, Sun, Easter Monday 6 Apr), Tue 7, Wed 8 -> 24:00 on Wed 8 April (summer time, 22:00 UTC).
        Assert.Equal("Easter Monday", Spw.WhyNotWorking(new DateOnly(2026, 4, 6)));
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 22, 0, 0, TimeSpan.Zero), Due(At(2026, 4, 2), DeadlineDuration.WorkingDays(3)));
    }

    [Fact]
    public void Ascension_Thursday_is_not_counted()
    {
        // Ascension 2026 is Thu 14 May. From Tue 12 May: Wed 13, Fri 15 -> 24:00 on Fri 15 May.
        Assert.Equal("Ascension Day", Spw.WhyNotWorking(new DateOnly(2026, 5, 14)));
        Assert.Equal(new DateTimeOffset(2026, 5, 15, 22, 0, 0, TimeSpan.Zero), Due(At(2026, 5, 12), DeadlineDuration.WorkingDays(2)));
    }

    [Fact]
    public void Whit_Monday_is_not_counted()
    {
        // Whit Monday 2026 is 25 May. From Fri 22 May: (Sat, Sun, Mon 25) Tue 26 -> 24:00 on Tue 26 May.
        Assert.Equal("Whit Monday", Spw.WhyNotWorking(new DateOnly(2026, 5, 25)));
        Assert.Equal(new DateTimeOffset(2026, 5, 26, 22, 0, 0, TimeSpan.Zero), Due(At(2026, 5, 22), DeadlineDuration.WorkingDays(1)));
    }

    [Fact]
    public void Closure_days_of_the_administration_are_not_counted()
    {
        // 2027: Mon 1 Nov All Saints (holiday), Tue 2 Nov closure day. From Fri 29 Oct: Wed 3, Thu 4 -> 24:00 Thu 4 Nov.
        Assert.Equal("Jour des défunts", Spw.WhyNotWorking(new DateOnly(2027, 11, 2)));
        Assert.Equal(new DateTimeOffset(2027, 11, 4, 23, 0, 0, TimeSpan.Zero), Due(At(2027, 10, 29), DeadlineDuration.WorkingDays(2)));
    }

    [Fact]
    public void A_calendar_without_closure_days_counts_them_as_working_days()
    {
        var legal = CalendarCatalogue.Embedded().Get("belgium-legal-holidays");

        Assert.True(legal.IsWorkingDay(new DateOnly(2027, 11, 2)));
        Assert.Equal(new DateOnly(2027, 11, 3), legal.AddWorkingDays(new DateOnly(2027, 10, 29), 2));
    }

    [Fact]
    public void A_delay_across_the_March_clock_change_ends_at_midnight_summer_time()
    {
        // Clocks go forward on Sun 29 Mar 2026. From Thu 26 Mar (UTC+1): Fri 27, Mon 30 -> 24:00 Mon 30 Mar = 22:00 UTC (UTC+2).
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 22, 0, 0, TimeSpan.Zero), Due(At(2026, 3, 26), DeadlineDuration.WorkingDays(2)));
    }

    [Fact]
    public void A_delay_across_the_October_clock_change_ends_at_midnight_winter_time()
    {
        // Clocks go back on Sun 25 Oct 2026. From Fri 23 Oct (UTC+2): Mon 26 -> 24:00 Mon 26 Oct = 23:00 UTC (UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 23, 0, 0, TimeSpan.Zero), Due(At(2026, 10, 23), DeadlineDuration.WorkingDays(1)));
    }

    [Fact]
    public void A_delay_across_the_year_end_skips_Christmas_the_closure_day_and_New_Year()
    {
        // 2025: Thu 25 Dec Christmas, Fri 26 Dec closure, Thu 1 Jan 2026 New Year. From Wed 24 Dec: Mon 29, Tue 30, Wed 31, Fri 2 Jan.
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 23, 0, 0, TimeSpan.Zero), Due(At(2025, 12, 24), DeadlineDuration.WorkingDays(4)));
    }

    [Fact]
    public void Calendar_days_count_every_day_from_the_day_after_the_trigger()
    {
        // 30 calendar days from 15 Mar 2026 (winter) -> 24:00 on 14 Apr 2026 (summer) = 22:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 22, 0, 0, TimeSpan.Zero), Due(At(2026, 3, 15), DeadlineDuration.CalendarDays(30)));
    }

    [Fact]
    public void An_ISO_duration_keeps_the_Brussels_wall_clock_time_across_a_clock_change()
    {
        // P1D from Sat 28 Mar 2026 10:00 (UTC+1) is Sun 29 Mar 10:00 (UTC+2): 23 hours later.
        var trigger = At(2026, 3, 28);
        var due = Due(trigger, DeadlineDuration.FromIso("P1D"));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.FromHours(23), due - trigger);
    }

    [Fact]
    public void An_ISO_time_part_is_elapsed_time_and_years_are_calendar_years()
    {
        Assert.Equal(At(2026, 1, 16, 10) + TimeSpan.FromHours(48), Due(At(2026, 1, 16, 10), DeadlineDuration.FromIso("PT48H")));
        Assert.Equal(At(2029, 2, 28, 10), Due(At(2026, 2, 28, 10), DeadlineDuration.FromIso("P3Y")));
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // 02:30 on 29 Mar 2026 does not exist in Brussels: it becomes 03:30 CEST = 01:30 UTC.
        var due = Due(At(2026, 3, 28, 2, 30), DeadlineDuration.FromIso("P1D"));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void A_parameter_duration_is_read_as_of_the_trigger_date()
    {
        DateOnly? askedFor = null;
        var due = DeadlineCalculator.DueAt(At(2026, 1, 14), DeadlineDuration.FromParameter("voucher.decisionDelay"), Spw,
            (name, asOf) =>
            {
                askedFor = asOf;
                return name == "voucher.decisionDelay" ? DeadlineDuration.WorkingDays(5) : throw new KeyNotFoundException(name);
            });

        Assert.Equal(new DateOnly(2026, 1, 14), askedFor);
        Assert.Equal(new DateTimeOffset(2026, 1, 21, 23, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void A_parameter_duration_without_a_resolver_is_refused_with_its_name()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Due(At(2026, 1, 14), DeadlineDuration.FromParameter("voucher.decisionDelay")));

        Assert.Contains("voucher.decisionDelay", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_count_back_from_the_last_day_and_fall_before_the_deadline()
    {
        // Due 24:00 Wed 21 Jan 2026. 2 working days before: 24:00 Mon 19 Jan. 12 hours before: 12:00 Wed 21 Jan.
        // 30 calendar days before would precede the trigger: left out.
        var plan = DeadlineCalculator.Plan(At(2026, 1, 14), DeadlineDuration.WorkingDays(5),
        [
            new ReminderDefinition(DeadlineDuration.WorkingDays(2), "two-days", ["case-handler"]),
            new ReminderDefinition(DeadlineDuration.FromIso("PT12H"), "twelve-hours", ["case-handler"]),
            new ReminderDefinition(DeadlineDuration.CalendarDays(30), "too-early", ["case-handler"]),
        ], Spw);

        Assert.Equal(new DateTimeOffset(2026, 1, 21, 23, 0, 0, TimeSpan.Zero), plan.DueAt);
        Assert.Equal(["two-days", "twelve-hours"], plan.Reminders.Select(r => r.Definition.Template));
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 23, 0, 0, TimeSpan.Zero), plan.Reminders[0].DueAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 21, 11, 0, 0, TimeSpan.Zero), plan.Reminders[1].DueAt);
    }

    [Fact]
    public void Every_programme_names_an_existing_calendar()
    {
        var catalogue = CalendarCatalogue.Embedded();

        Assert.Equal("wallonia-public-service", catalogue.ForProgramme("voucher").Name);
        Assert.Equal("wallonia-public-service", catalogue.ForProgramme("a-programme-not-listed").Name);
        Assert.All(catalogue.Calendars, c => Assert.Equal("Europe/Brussels", c.TimeZone.Id));
    }

    [Fact]
    public void The_weekday_holidays_and_closure_days_of_2026_are_known()
    {
        // 15 Aug (Sat), 1 Nov (Sun), 27 Sep and 15 Nov (Sun), 26 Dec (Sat) fall on weekends in 2026.
        var days = Spw.NonWorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))
            .Where(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => d.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["01-01", "04-06", "05-01", "05-14", "05-25", "07-21", "11-02", "11-11", "12-25"], days);
    }

    [Fact]
    public void A_malformed_calendar_file_is_refused_with_the_file_and_path()
    {
        var json = """{ "name": "x", "workingWeekdays": ["monday", "funday"], "publicHolidays": [] }"""u8.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => CalendarFileReader.ReadCalendar("x.json", json));

        Assert.Equal("x.json: $.workingWeekdays[1]: expected a weekday such as \"monday\"", e.Message);
    }
}
