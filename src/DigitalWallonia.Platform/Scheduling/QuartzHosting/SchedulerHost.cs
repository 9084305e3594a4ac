using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl.Matchers;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// Runs this node's Quartz scheduler for the life of the host: creates it on the platform's database, makes sure every
/// <see cref="RecurringJob"/> is scheduled, starts it, and on stop waits for running jobs (a sweep stops at its
/// cancellation token and hands back its unfired claims). Needs the database migrated first (the web host's
/// DatabaseStartup does it in StartingAsync, before any StartAsync).
/// </summary>
public sealed class SchedulerHost(
    IServiceProvider services,
    IOptions<SchedulingOptions> scheduling,
    IOptions<DatabaseOptions> database,
    IConfiguration configuration,
    SchedulerNode node,
    IEnumerable<RecurringJob> recurringJobs,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<SchedulerHost>();
    private IScheduler? _scheduler;

    /// <summary>The running scheduler, or null before start and when Scheduling:Enabled is false.</summary>
    public IScheduler? Scheduler => _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!scheduling.Value.Enabled)
        {
            _logger.LogInformation("Scheduling:Enabled is false: no scheduler on this node");
            return;
        }

        if (services.GetService<IServiceProviderIsService>() is { } registry && !registry.IsService(typeof(IDeadlineTarget)))
        {
            // Without it every firing would fail and, after Scheduling:MaxAttempts, every deadline would end up Failed.
            throw new InvalidOperationException(
                "AddSchedulerHost needs an IDeadlineTarget: register one (scoped) before the host starts, e.g. services.AddScoped<IDeadlineTarget, WorkflowDeadlineTarget>().");
        }

        // Quartz's own log (a job that throws, a misfire, a lost cluster check-in) goes to the host's logger, not nowhere.
        Quartz.Logging.LogContext.SetCurrentLogProvider(loggers);
        var properties = QuartzProperties.Build(scheduling.Value, database.Value, configuration.GetConnectionString("Default"), node);
        var scheduler = await new PrivateSchedulerFactory(properties).GetScheduler(cancellationToken);
        scheduler.JobFactory = new ScopedJobFactory(services.GetRequiredService<IServiceScopeFactory>());
        foreach (var job in recurringJobs)
        {
            await EnsureScheduledAsync(scheduler, job, cancellationToken);
        }

        await scheduler.Start(cancellationToken);
        _scheduler = scheduler;
        _logger.LogInformation("Scheduler {Name} started on node {Node} ({Store}, {Mode})", scheduling.Value.InstanceName, node.Id,
            database.Value.Provider, properties["quartz.jobStore.clustered"] == "true" ? "clustered" : "single node");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is { } scheduler)
        {
            _scheduler = null;
            // No new runs; running ones see their context.CancellationToken cancelled (a sweep then hands back its unfired
            // claims) and are waited for, so that nothing is cut off mid-transaction by the process exiting.
            try
            {
                await scheduler.Standby(cancellationToken);
                foreach (var running in await scheduler.GetCurrentlyExecutingJobs(cancellationToken))
                {
                    await scheduler.Interrupt(running.FireInstanceId, cancellationToken);
                }
            }
            finally
            {
                // Also when the host's stop timeout cut the above short: a scheduler left running would outlive the host.
                await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is { } scheduler)
        {
            _scheduler = null;
            await scheduler.Shutdown(waitForJobsToComplete: false);
        }
    }

    /// <summary>The names of the recurring jobs stored in the job store (for tests and diagnostics).</summary>
    public static async Task<IReadOnlyCollection<string>> RecurringJobNamesAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(RecurringJob.Group), cancellationToken);
        return keys.Select(k => k.Name).ToList();
    }

    // Every node does this at start; the store serialises it. An existing trigger with the same interval and job type is
    // left alone, so a starting node does not reset the schedule of the running ones.
    private async Task EnsureScheduledAsync(IScheduler scheduler, RecurringJob job, CancellationToken cancellationToken)
    {
        var jobKey = new JobKey(job.Name, RecurringJob.Group);
        var triggerKey = new TriggerKey(job.Name, RecurringJob.Group);
        var existing = await scheduler.GetTrigger(triggerKey, cancellationToken) as ISimpleTrigger;
        var existingJob = existing is null ? null : await scheduler.GetJobDetail(jobKey, cancellationToken);
        if (existing is not null && existing.RepeatInterval == job.Interval && existingJob?.JobType == job.JobType)
        {
            return;
        }

        var detail = JobBuilder.Create(job.JobType).WithIdentity(jobKey).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .StartNow()
            // A run missed while the cluster was down or a long run overlapped is skipped, not replayed: the next sweep covers it.
            .WithSimpleSchedule(s => s.WithInterval(job.Interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount())
            .Build();
        await scheduler.ScheduleJob(detail, [trigger], replace: true, cancellationToken);
        _logger.LogInformation("Recurring job {Job} scheduled every {Interval}", job.Name, job.Interval);
    }
}
