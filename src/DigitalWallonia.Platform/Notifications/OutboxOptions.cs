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
    /// How long a claim holds. A node that dies mid-batch leaves its messages to others after this; it must exceed a
    /// batch's sending time (BatchSize × Smtp:TimeoutSeconds in the worst case). Defaults to 15 minutes.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The pause of the background dispatcher when nothing is due. Defaults to 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: doubling from the first delay, capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = FirstRetryDelay * factor;
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
