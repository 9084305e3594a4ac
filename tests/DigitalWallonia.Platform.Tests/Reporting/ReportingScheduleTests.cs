using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DigitalWallonia.Platform.Tests.Reporting;

/// <summary>Cycles open on the configured schedules, from the recurring job every scheduler node runs, once however many race.</summary>
public class ReportingScheduleTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Openers_racing_on_one_database_open_each_cycle_and_each_task_once(DatabaseProvider provider)
    {
        // 10 January 2027: the yearly 2026 cycle and the quarterly 2026-Q3 and 2026-Q4 cycles are due.
        await using var scenario = await ReportingScenario.StartAsync(provider, new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero), settings =>
        {
            settings["Reporting:Schedules:1:Key"] = "quarterly";
            settings["Reporting:Schedules:1:Periodicity"] = "Quarterly";
            settings["Reporting:Schedules:1:FirstPeriod"] = "2026-Q3";
        });

        // Four "nodes" (scopes with their own connections) run the opener at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            scenario.WithAsync(s => s.GetRequiredService<ReportingCycles>().OpenDueAsync(CancellationToken.None)))));

        var (cycles, tasks, dossiers, expectedYearly, expectedQuarterly) = await scenario.WithAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            return (
                await db.Set<ReportingCycle>().OrderBy(c => c.Schedule).ThenBy(c => c.Period).Select(c => c.Schedule + " " + c.Period + " " + c.Status).ToListAsync(),
                await db.Set<ReportingTask>().CountAsync(),
                await db.Dossiers.CountAsync(d => d.Programme == "reporting"),
                await db.Set<Measure>().CountAsync(m => db.Set<Indicator>().Any(i => i.MeasureId == m.Id && i.Tracked && i.Periodicity == ReportingPeriodicity.Yearly)),
                await db.Set<Measure>().CountAsync(m => db.Set<Indicator>().Any(i => i.MeasureId == m.Id && i.Tracked && i.Periodicity == ReportingPeriodicity.Quarterly)));
        });
        Assert.Equal(["quarterly 2026-Q3 Open", "quarterly 2026-Q4 Open", "yearly 2026 Open"], cycles);
        Assert.Equal(expectedYearly + (2 * expectedQuarterly), tasks);
        Assert.Equal(tasks, dossiers); // no dossier without its task, none twice
        Assert.Equal(4, expectedQuarterly); // M13, M14, M31 and M33 have quarterly indicators
    }

    [Fact]
    public void The_cycle_opener_is_a_recurring_job_at_the_configured_interval_that_never_runs_twice_at_once()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reporting:CheckInterval"] = "00:02:00" }).Build());
        services.AddLogging();
        services.AddPlatform();
        using var provider = services.BuildServiceProvider();

        var job = Assert.Single(provider.GetServices<RecurringJob>(), j => j.Name == "reporting-cycles");

        Assert.Equal(TimeSpan.FromMinutes(2), job.Interval);
        Assert.True(Attribute.IsDefined(job.JobType, typeof(DisallowConcurrentExecutionAttribute)));
    }
}
