namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// What one sweep did: firings committed, firings that threw (retried later), and claims lost to another node after
/// they expired (nothing fired by this node).
/// </summary>
public sealed record SweepResult(int DeadlinesFired, int RemindersFired, int Failures, int ClaimsLost)
{
    public static SweepResult Empty { get; } = new(0, 0, 0, 0);

    public int Total => DeadlinesFired + RemindersFired;

    public SweepResult Add(SweepResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(DeadlinesFired + other.DeadlinesFired, RemindersFired + other.RemindersFired, Failures + other.Failures, ClaimsLost + other.ClaimsLost);
    }
}
