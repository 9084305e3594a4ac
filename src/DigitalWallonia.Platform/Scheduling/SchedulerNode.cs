namespace DigitalWallonia.Platform.Scheduling;

/// <summary>This process as a scheduler node: its id in the Quartz cluster and in the deadlines it claims.</summary>
public sealed record SchedulerNode(string Id)
{
    /// <summary>The configured id, or host name + process id + a random suffix (a restarted process is a new node).</summary>
    public static SchedulerNode From(SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SchedulerNode(string.IsNullOrWhiteSpace(options.InstanceId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
            : options.InstanceId);
    }
}
