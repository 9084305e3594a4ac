using Quartz;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// One entry of the list of recurring jobs the scheduler keeps scheduled (the deadline sweeper; later reporting cycles and
/// retention). Register with <c>services.AddRecurringJob&lt;TJob&gt;(name, interval)</c>; the job is created in its own DI scope.
/// </summary>
public sealed record RecurringJob
{
    public RecurringJob(string name, Type jobType, TimeSpan interval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(jobType);
        if (!typeof(IJob).IsAssignableFrom(jobType))
        {
            throw new ArgumentException($"{jobType} does not implement Quartz's IJob.", nameof(jobType));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(100));
        Name = name;
        JobType = jobType;
        Interval = interval;
    }

    /// <summary>The job's and its trigger's name in Quartz (group <see cref="Group"/>): unique among recurring jobs.</summary>
    public string Name { get; }

    public Type JobType { get; }

    public TimeSpan Interval { get; }

    public const string Group = "recurring";
}
