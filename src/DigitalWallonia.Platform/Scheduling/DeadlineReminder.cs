namespace DigitalWallonia.Platform.Scheduling;

/// <summary>A notice sent before its deadline (e.g. 7 days before a company's answer is due).</summary>
public sealed class DeadlineReminder
{
    internal DeadlineReminder(DateTimeOffset dueAt, string? templateKey)
    {
        DueAt = dueAt;
        TemplateKey = templateKey;
        Status = DeadlineStatus.Pending;
    }

    public long Id { get; private set; }

    public long DeadlineId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The template of the reminder notice; null to use the workflow's default.</summary>
    public string? TemplateKey { get; private set; }

    public DeadlineStatus Status { get; set; }

    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>How many times a sweeper claimed it.</summary>
    public int Attempts { get; set; }

    /// <summary>The scheduler node that claimed it; null when unclaimed.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds (and, after a failure, the earliest retry).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? LastError { get; set; }
}
