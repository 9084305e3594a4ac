namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// A notification to send, written in the same transaction as the state change that caused it and dispatched later.
/// <see cref="MessageId"/> is fixed at creation, so a message re-sent after a crash is recognisable by the receiver.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        MessageId = TemplateKey = Language = RecipientAddress = ModelJson = "";
    }

    public OutboxMessage(string messageId, long? dossierId, string templateKey, string language, string recipientAddress,
        string? recipientName, string modelJson, DateTimeOffset createdAt)
    {
        MessageId = messageId;
        DossierId = dossierId;
        TemplateKey = templateKey;
        Language = language;
        RecipientAddress = recipientAddress;
        RecipientName = recipientName;
        ModelJson = modelJson;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = OutboxStatus.Pending;
    }

    public long Id { get; private set; }

    /// <summary>RFC 5322 Message-ID without angle brackets, e.g. 3f2c...@digitalwallonia; unique.</summary>
    public string MessageId { get; private set; }

    public long? DossierId { get; private set; }

    /// <summary>Template key under templates/ (e.g. rentic.request-documents).</summary>
    public string TemplateKey { get; private set; }

    /// <summary>The recipient's language: fr, nl, de or en.</summary>
    public string Language { get; private set; }

    public string RecipientAddress { get; private set; }

    public string? RecipientName { get; private set; }

    /// <summary>The template model as canonical JSON, frozen when the message was queued.</summary>
    public string ModelJson { get; private set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The node that claimed the message for sending, and until when the claim holds.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// A new globally unique Message-ID (without angle brackets) for a message being queued: 32 hex digits, '@', and
    /// <paramref name="domain"/>. It is generated once, stored with the row and never changed, so every send of the
    /// message carries the same header.
    /// </summary>
    public static string NewMessageId(string domain = "digitalwallonia.be") => $"{Guid.NewGuid():N}@{domain}";

    /// <summary>
    /// Puts the message back in the queue for a full series of attempts (<c>dw outbox resend</c>): after a dead letter,
    /// or to send a sent message again. Its Message-ID stays, so the receiver can recognise the repeat.
    /// </summary>
    /// <exception cref="InvalidOperationException">A dispatcher holds the message right now.</exception>
    public void Requeue(DateTimeOffset now)
    {
        if (Status == OutboxStatus.Sending && ClaimedUntil > now)
        {
            throw new InvalidOperationException($"message {Id} is being sent by {ClaimedBy} until {ClaimedUntil:u}; try again later");
        }

        Status = OutboxStatus.Pending;
        NextAttemptAt = now;
        Attempts = 0;
        ClaimedBy = null;
        ClaimedUntil = null;
    }
}
