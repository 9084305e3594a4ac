using Quartz;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// The recurring job that opens the cycles whose time has come (<see cref="ReportingCycles.OpenDueAsync"/>), every
/// Reporting:CheckInterval. Non-concurrent and run by one node of the Quartz cluster at a time; even two openers racing
/// would open each cycle and each task once (their unique indexes).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReportingCycleJob(ReportingCycles cycles) : IJob
{
    public const string Name = "reporting-cycles";

    public Task Execute(IJobExecutionContext context) => cycles.OpenDueAsync(context.CancellationToken);
}
