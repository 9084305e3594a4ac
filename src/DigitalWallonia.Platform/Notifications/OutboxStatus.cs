namespace DigitalWallonia.Platform.Notifications;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher node until <see cref="OutboxMessage.ClaimedUntil"/>.</summary>
    Sending,

    Sent,

    /// <summary>Gave up after the configured number of attempts; <c>dw outbox resend</c> puts it back.</summary>
    DeadLetter,
}
