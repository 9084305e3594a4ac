using Quartz;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// The recurring job that runs <see cref="DeadlineSweeper"/>. Non-concurrent: in a cluster one node sweeps at a time,
/// the others take over when it stops or dies; the claims make a retried or overlapping sweep harmless anyway.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DeadlineSweepJob(DeadlineSweeper sweeper) : IJob
{
    public const string Name = "deadline-sweeper";

    // A failing sweep is logged by the scheduler and retried at the next interval; no refire, which would spin.
    public Task Execute(IJobExecutionContext context) => sweeper.SweepAsync(context.CancellationToken);
}
