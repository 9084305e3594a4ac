using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// Sends due outbox messages. A round claims a batch with one conditional UPDATE (due Pending rows, or Sending rows
/// whose claim expired, get this round's claim token), so two nodes never hold the same row: on PostgreSQL the second
/// UPDATE re-checks its condition after the first commits, on SQLite writers are serialised. Then each claimed message is
/// rendered, sent, and marked Sent — or, on failure, retried after an exponential delay and dead-lettered after
/// <see cref="OutboxOptions.MaxAttempts"/>. A message that cannot be rendered is dead-lettered at once: retrying would
/// not change the template. Delivery is at least once: a node that dies between the SMTP server's acceptance and the
/// Sent mark leaves a claim that expires, and the message goes again with the same Message-ID.
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
        var due = await Due(now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return OutboxBatch.Empty;
        }

        var claim = $"{settings.NodeId}/{Guid.NewGuid():N}";
        var until = now + settings.ClaimDuration;
        var claimed = await Due(now).Where(m => due.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
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
                await ReleaseAsync(messages.Skip(i).Select(m => m.Id).ToList(), claim);
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (await DispatchAsync(messages[i], claim, settings, cancellationToken))
            {
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

    private IQueryable<OutboxMessage> Due(DateTimeOffset now) => db.OutboxMessages.Where(m =>
        (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
        || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now));

    private async Task<OutboxStatus> DispatchAsync(OutboxMessage message, string claim, OutboxOptions settings, CancellationToken cancellationToken)
    {
        OutgoingMail mail;
        try
        {
            var rendered = renderer.Render(message.TemplateKey, message.Language, message.ModelJson);
            mail = new OutgoingMail(message.MessageId, message.RecipientAddress, message.RecipientName, rendered.Subject,
                rendered.Text ?? string.Empty, rendered.Html);
        }
        catch (TemplateException e)
        {
            LogUnrenderable(logger, message.Id, message.TemplateKey, e.Message);
            await FinishAsync(message, claim, OutboxStatus.DeadLetter, message.Attempts + 1, null, $"not rendered: {e.Message}", cancellationToken);
            return OutboxStatus.DeadLetter;
        }

        try
        {
            await transport.SendAsync(mail, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var error = $"{e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : string.Empty)}";
            if (attempts >= settings.MaxAttempts)
            {
                LogDeadLetter(logger, message.Id, attempts, error);
                await FinishAsync(message, claim, OutboxStatus.DeadLetter, attempts, null, error, cancellationToken);
                return OutboxStatus.DeadLetter;
            }

            var next = clock.GetUtcNow() + settings.RetryDelay(attempts);
            LogRetry(logger, message.Id, attempts, next, error);
            await FinishAsync(message, claim, OutboxStatus.Pending, attempts, next, error, cancellationToken);
            return OutboxStatus.Pending;
        }

        // The message has left: record it even if this round is being cancelled, or it would go out twice.
        await FinishAsync(message, claim, OutboxStatus.Sent, message.Attempts + 1, null, null, CancellationToken.None);
        return OutboxStatus.Sent;
    }

    private Task ReleaseAsync(List<long> ids, string claim) =>
        db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.ClaimedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);

    // Only the holder of the claim writes the outcome; a claim that expired and was taken over is left to its new holder.
    private async Task FinishAsync(OutboxMessage message, string claim, OutboxStatus status, int attempts, DateTimeOffset? nextAttemptAt,
        string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentAt = status == OutboxStatus.Sent ? now : (DateTimeOffset?)null;
        var next = nextAttemptAt ?? message.NextAttemptAt;
        var lastError = error is null ? message.LastError : error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.LastError, lastError)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: attempt {Attempts} failed, next at {Next:u}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, int attempts, DateTimeOffset next, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLetter(ILogger logger, long id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Template}) cannot be rendered and is dead-lettered: {Error}")]
    private static partial void LogUnrenderable(ILogger logger, long id, string template, string error);
}
