namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// What one dispatch round did: <see cref="Due"/> messages were seen due, this node claimed <see cref="Claimed"/> of
/// them (others may have been claimed by another node), <see cref="Sent"/> left, <see cref="Retrying"/> failed and wait
/// for their next attempt, <see cref="DeadLettered"/> were given up.
/// </summary>
public sealed record OutboxBatch(int Due, int Claimed, int Sent, int Retrying, int DeadLettered)
{
    public static readonly OutboxBatch Empty = new(0, 0, 0, 0, 0);
}
