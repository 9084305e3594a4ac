using System.Collections.Specialized;
using Quartz.Impl;
using Quartz.Simpl;
using Quartz.Spi;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// A scheduler factory with its own registry. Quartz's default registry is process-wide and returns the scheduler
/// already created under the same name, which would merge two hosts of one process (test hosts, two nodes in one test)
/// into one scheduler.
/// </summary>
internal sealed class PrivateSchedulerFactory(NameValueCollection properties) : StdSchedulerFactory(properties)
{
    private readonly SchedulerRepository _repository = new();

    protected override ISchedulerRepository GetSchedulerRepository() => _repository;
}
