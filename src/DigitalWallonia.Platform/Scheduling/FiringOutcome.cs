namespace DigitalWallonia.Platform.Scheduling;

internal enum FiringOutcome
{
    DeadlineFired,
    ReminderFired,

    /// <summary>The target threw; the row is retried after Scheduling:RetryDelay (or marked Failed).</summary>
    Failed,

    /// <summary>The claim was no longer this node's (expired and taken over): nothing fired here.</summary>
    Lost,
}
