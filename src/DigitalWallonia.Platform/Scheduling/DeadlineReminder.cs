namespace DigitalWallonia.Platform.Scheduling;

/// <summary>A notice sent before its deadline (e.g. 7 days before a company's answer is due).</summary>
public sealed class DeadlineReminder
{
    internal DeadlineReminder(DateTimeOffset dueAt, string? templateKey, IReadOnlyList<string>? recipients)
    {
        DueAt = dueAt;
        TemplateKey = templateKey;
        Recipients = recipients;
        Status = DeadlineStatus.Pending;
    }

    public long Id { get; private set; }

    public long DeadlineId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The template of the reminder notice; null to use the workflow's default.</summary>
    public string? TemplateKey { get; private set; }

    /// <summary>
    /// The roles this reminder goes to, as the workflow version that planned it said: two reminders of one deadline may share a
    /// template and still go to different people. Null on rows planned before the roles were stored; those look them up.
    /// </summary>
    public IReadOnlyList<string>? Recipients { get; private set; }

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
