using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// Sends due outbox messages. A round claims a batch with one conditional UPDATE (due Pending rows, or Sending rows
/// whose claim expired, get this round's claim token and one more attempt), so two nodes never hold the same row: on
/// PostgreSQL the second UPDATE re-checks its condition after the first commits, on SQLite writers are serialised.
/// Before each send the claim on that message is extended, again conditionally: a batch that outlived its claim finds
/// the message taken over by another node and stops, so no message goes out twice from two live nodes. Each message
/// is then rendered and sent over one connection for the batch. Outcomes: Sent; dead-lettered at once when it cannot
/// be rendered or the server refuses it for good (5xx, invalid address); otherwise retried after an exponential delay
/// and dead-lettered after <see cref="OutboxOptions.MaxAttempts"/> claims. Delivery is at least once: a node that dies
/// between the SMTP server's acceptance and the Sent mark leaves a claim that expires, and the message goes again with
/// the same Message-ID.
/// </summary>
public sealed partial class OutboxDispatcher(
    PlatformDbContext db,
    TemplateRenderer renderer,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private const int MaxErrorLength = 2000;

    /// <summary>One round: claims up to <see cref="OutboxOptions.BatchSize"/> due messages and sends them.</summary>
    public async Task<OutboxBatch> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await DeadLetterAbandonedAsync(now, settings, cancellationToken);
        var due = await DueIds(db, now, settings).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return OutboxBatch.Empty;
        }

        // Opened before the claim: a transport that cannot even start (no Smtp:Host) fails the round with nothing claimed.
        await using var session = transport.OpenSession();

        // The attempt is counted here, not after the send: a message that brings its sender down (the process dies
        // mid-send, again and again) still reaches MaxAttempts and is dead-lettered instead of being retried forever.
        var claim = $"{settings.NodeId}/{Guid.NewGuid():N}";
        var until = now + settings.ClaimDuration;
        var claimed = await Due(db, now, settings).Where(m => due.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.ClaimedBy, claim)
            .SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        if (claimed == 0)
        {
            return new OutboxBatch(due.Count, 0, 0, 0, 0);
        }

        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedBy == claim)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        int sent = 0, retrying = 0, dead = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: hand back what this round has not started, rather than hold it until the claim expires.
                await ReleaseAsync(messages.Skip(i), claim);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (status, unavailable) = await DispatchAsync(messages[i], claim, session, settings, cancellationToken);
            switch (status)
            {
                case null:
                    // Another node took this message over: this batch outlived its claim. Stop; what is still ours goes back.
                    LogClaimLost(logger, messages[i].Id, claim);
                    await ReleaseAsync(messages.Skip(i + 1), claim);
                    return new OutboxBatch(due.Count, messages.Count, sent, retrying, dead);
                case OutboxStatus.Sent:
                    sent++;
                    break;
                case OutboxStatus.DeadLetter:
                    dead++;
                    break;
                default:
                    retrying++;
                    break;
            }

            if (unavailable is not null)
            {
                // The server cannot be used: the rest of the batch waits too, rather than time out one message at a time.
                foreach (var waiting in messages.Skip(i + 1))
                {
                    if (await FailAsync(waiting, claim, unavailable, settings, cancellationToken) == OutboxStatus.DeadLetter)
                    {
                        dead++;
                    }
                    else
                    {
                        retrying++;
                    }
                }

                break;
            }
        }

        return new OutboxBatch(due.Count, messages.Count, sent, retrying, dead);
    }

    /// <summary>Runs rounds until nothing is due (as of the clock at each round).</summary>
    public async Task<int> DispatchAllDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var batch = await DispatchDueAsync(cancellationToken);
            handled += batch.Claimed;
            if (batch.Due == 0)
            {
                return handled;
            }
        }
    }

    /// <summary>The ids a round claims, oldest due first (internal: a test reads its query plan).</summary>
    internal static IQueryable<long> DueIds(PlatformDbContext db, DateTimeOffset now, OutboxOptions settings) =>
        Due(db, now, settings).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize);

    // Index IX_OutboxMessages_Status_NextAttemptAt serves the first half, IX_OutboxMessages_Status_ClaimedUntil the second.
    private static IQueryable<OutboxMessage> Due(PlatformDbContext db, DateTimeOffset now, OutboxOptions settings) => db.OutboxMessages.Where(m =>
        (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
        || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now && m.Attempts < settings.MaxAttempts));

    // A claim that expired with its attempts used up: the node holding it stopped without an outcome, MaxAttempts times.
    private async Task DeadLetterAbandonedAsync(DateTimeOffset now, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var error = $"dead-lettered after {settings.MaxAttempts} attempts: the dispatcher holding it stopped before recording an outcome (did sending it crash the node?)";
        var abandoned = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.ClaimedUntil < now && m.Attempts >= settings.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.DeadLetter)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(logger, abandoned, settings.MaxAttempts);
        }
    }

    /// <summary>The message's new status, or null when the claim was lost; and the error when the server was unavailable.</summary>
    private async Task<(OutboxStatus? Status, string? Unavailable)> DispatchAsync(OutboxMessage message, string claim, IMailSession session,
        OutboxOptions settings, CancellationToken cancellationToken)
    {
        OutgoingMail mail;
        try
        {
            var rendered = renderer.Render(message.TemplateKey, message.Language, message.ModelJson);
            mail = new OutgoingMail(message.MessageId, message.RecipientAddress, message.RecipientName, rendered.Subject,
                rendered.Text ?? string.Empty, rendered.Html, clock.GetUtcNow());
        }
        catch (TemplateException e)
        {
            LogUnrenderable(logger, message.Id, message.TemplateKey, e.Message);
            return (await FinishAsync(message, claim, OutboxStatus.DeadLetter, null, $"not rendered: {e.Message}", cancellationToken), null);
        }

        // The claim must outlive the send it covers (ClaimDuration > Smtp:TimeoutSeconds, checked at start-up): extend it
        // now, or find that another node holds the message and leave it to that node.
        var now = clock.GetUtcNow();
        var extended = await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + settings.ClaimDuration), cancellationToken);
        if (extended == 0)
        {
            return (null, null);
        }

        try
        {
            await session.SendAsync(mail, cancellationToken);
        }
        catch (MailRejectedException e) when (e.Permanent)
        {
            LogRejected(logger, message.Id, e.Message);
            return (await FinishAsync(message, claim, OutboxStatus.DeadLetter, null, $"rejected: {e.Message}", cancellationToken), null);
        }
        catch (MailServerUnavailableException e)
        {
            var error = Describe(e);
            return (await FailAsync(message, claim, error, settings, cancellationToken), error);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (await FailAsync(message, claim, Describe(e), settings, cancellationToken), null);
        }

        // The message has left: record it even if this round is being cancelled, or it would go out twice.
        var status = await FinishAsync(message, claim, OutboxStatus.Sent, null, null, CancellationToken.None);
        if (status is null)
        {
            LogSentWithoutClaim(logger, message.Id, claim);
        }

        return (OutboxStatus.Sent, null);
    }

    private static string Describe(Exception e) => e switch
    {
        MailRejectedException or MailServerUnavailableException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : string.Empty)}",
    };

    private async Task<OutboxStatus?> FailAsync(OutboxMessage message, string claim, string error, OutboxOptions settings, CancellationToken cancellationToken)
    {
        if (message.Attempts >= settings.MaxAttempts)
        {
            LogDeadLetter(logger, message.Id, message.Attempts, error);
            return await FinishAsync(message, claim, OutboxStatus.DeadLetter, null, error, cancellationToken);
        }

        var next = clock.GetUtcNow() + settings.RetryDelay(message.Attempts);
        LogRetry(logger, message.Id, message.Attempts, next, error);
        return await FinishAsync(message, claim, OutboxStatus.Pending, next, error, cancellationToken);
    }

    // Hands messages back unsent; their attempt did not happen, so it is not counted.
    private Task ReleaseAsync(IEnumerable<OutboxMessage> messages, string claim)
    {
        var ids = messages.Select(m => m.Id).ToList();
        return db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.ClaimedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    // Only the holder of the claim writes the outcome; a claim that was taken over is left to its new holder (null).
    private async Task<OutboxStatus?> FinishAsync(OutboxMessage message, string claim, OutboxStatus status, DateTimeOffset? nextAttemptAt,
        string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentAt = status == OutboxStatus.Sent ? now : (DateTimeOffset?)null;
        var next = nextAttemptAt ?? message.NextAttemptAt;
        var lastError = error is null ? message.LastError : error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        var written = await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.LastError, lastError)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        return written == 1 ? status : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: attempt {Attempts} failed, next at {Next:u}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, int attempts, DateTimeOffset next, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLetter(ILogger logger, long id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} was refused by the mail server and is dead-lettered: {Reply}")]
    private static partial void LogRejected(ILogger logger, long id, string reply);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Template}) cannot be rendered and is dead-lettered: {Error}")]
    private static partial void LogUnrenderable(ILogger logger, long id, string template, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} outbox messages dead-lettered: their dispatcher stopped mid-send in each of their {Attempts} attempts")]
    private static partial void LogAbandoned(ILogger logger, int count, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} is held by another dispatcher: batch {Claim} outlived its claim and stops here")]
    private static partial void LogClaimLost(ILogger logger, long id, string claim);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} was sent but batch {Claim} no longer held it (Outbox:ClaimDuration too short for one send?); it may go out again")]
    private static partial void LogSentWithoutClaim(ILogger logger, long id, string claim);
}
