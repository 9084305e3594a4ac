using System.ComponentModel.DataAnnotations;

namespace DigitalWallonia.Platform.Notifications;

/// <summary>How the dispatcher works through the outbox. Bound from the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this node runs the dispatcher in the background. Defaults to true; any number of nodes may.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's name in claims (<c>ClaimedBy</c>). Defaults to machine name and process id.</summary>
    [Required]
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How many messages one claim takes. Defaults to 20.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message is dead-lettered. Defaults to 8 (about 4 hours with the default delays).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure. Defaults to 1 minute.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts. Defaults to 2 hours.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a claim holds, from the claim and again from the start of each send. A node that dies mid-batch leaves its
    /// messages to others after this. It must exceed one send (Smtp:TimeoutSeconds) with a margin for the database
    /// write that records it, or a slow send could lose its message to another node before the Sent mark. Defaults to
    /// 15 minutes.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The pause of the background dispatcher when nothing is due. Defaults to 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a sent message is kept (its row, model included) before the purge job deletes it. Dead letters and
    /// messages still to send are never purged. Defaults to 90 days.
    /// </summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the purge job runs (on scheduler nodes, like the deadline sweeper). Defaults to 1 hour.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: doubling from the first delay, capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = FirstRetryDelay * factor;
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
