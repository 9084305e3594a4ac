using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// Creates each job run in a fresh DI scope (scoped services such as the DbContext are per run) and disposes the scope
/// when the run ends. Quartz reads [DisallowConcurrentExecution] from the job type stored with the job, not from this wrapper.
/// </summary>
internal sealed class ScopedJobFactory(IServiceScopeFactory scopes) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return new ScopedJob(scopes, bundle.JobDetail.JobType);
    }

    public void ReturnJob(IJob job)
    {
    }

    private sealed class ScopedJob(IServiceScopeFactory scopes, Type jobType) : IJob
    {
        public async Task Execute(IJobExecutionContext context)
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, jobType);
            await job.Execute(context);
        }
    }
}
