namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// A moment at which a dossier's workflow fires a timer (kind) unless the dossier has left <see cref="State"/> first.
/// Written in the dossier's transaction by the workflow actions; claimed and fired by the deadline sweeper.
/// </summary>
public sealed class Deadline
{
    private readonly List<DeadlineReminder> _reminders = [];

    private Deadline()
    {
        Kind = State = "";
    }

    public Deadline(long dossierId, string kind, string state, DateTimeOffset dueAt, DateTimeOffset createdAt, bool livesWithDossier = false)
    {
        DossierId = dossierId;
        Kind = kind;
        State = state;
        LivesWithDossier = livesWithDossier;
        DueAt = dueAt;
        CreatedAt = createdAt;
        Status = DeadlineStatus.Pending;
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>The timer this deadline fires in the workflow definition (e.g. answer-due, decision-due).</summary>
    public string Kind { get; private set; }

    /// <summary>The workflow state that created it; leaving that state cancels it.</summary>
    public string State { get; private set; }

    /// <summary>The instant it fires, UTC (for N working days: 24:00 Europe/Brussels on the last day).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>True when leaving <see cref="State"/> does not cancel it (a label's validity): only firing or an explicit cancel ends it.</summary>
    public bool LivesWithDossier { get; private set; }

    public DeadlineStatus Status { get; set; }

    /// <summary>How many times a sweeper claimed it; a claim counts even when the node dies before firing.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FiredAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The scheduler node (instance id) that claimed it for firing; null when unclaimed.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>
    /// Until when the claim holds; once past, another node may take it again. After a failed attempt it is also the
    /// earliest retry.
    /// </summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? LastError { get; set; }

    public IReadOnlyList<DeadlineReminder> Reminders => _reminders;

    /// <summary>
    /// What the scheduler gave up on and someone must look at: the deadline, or one of its reminders, failed all its
    /// attempts (a lost reminder is as bad as a lost deadline while the deadline waits on). GET /health and
    /// <c>dw deadlines list --failed</c> both count these.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Deadline, bool>> GivenUp =
        d => d.Status == DeadlineStatus.Failed || d.Reminders.Any(r => r.Status == DeadlineStatus.Failed);

    public DeadlineReminder AddReminder(DateTimeOffset dueAt, string? templateKey, IReadOnlyList<string>? recipients)
    {
        var reminder = new DeadlineReminder(dueAt, templateKey, recipients);
        _reminders.Add(reminder);
        return reminder;
    }

    public void Cancel(DateTimeOffset at)
    {
        if (Status != DeadlineStatus.Pending)
        {
            return;
        }

        Status = DeadlineStatus.Cancelled;
        CancelledAt = at;
        foreach (var reminder in _reminders.Where(r => r.Status == DeadlineStatus.Pending))
        {
            reminder.Status = DeadlineStatus.Cancelled;
        }
    }
}
