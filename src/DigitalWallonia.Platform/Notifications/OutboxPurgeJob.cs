using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// The recurring job that deletes sent messages older than <see cref="OutboxOptions.SentRetention"/> (their model holds
/// personal data, and the table would only grow). Dead letters and unsent messages stay. Runs on the scheduler nodes,
/// one at a time in a cluster, every <see cref="OutboxOptions.PurgeInterval"/>.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class OutboxPurgeJob(PlatformDbContext db, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxPurgeJob> logger) : IJob
{
    public const string Name = "outbox-purge";

    // Deleted in slices, so a first purge of a large backlog does not hold one long transaction.
    private const int Slice = 1000;

    public Task Execute(IJobExecutionContext context) => PurgeAsync(context.CancellationToken);

    /// <summary>Deletes the sent messages past their retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.SentRetention;
        var purged = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Served by IX_OutboxMessages_Status_SentAt.
            var deleted = await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Sent && m.SentAt < before)
                .OrderBy(m => m.SentAt).Take(Slice)
                .ExecuteDeleteAsync(cancellationToken);
            purged += deleted;
            if (deleted < Slice)
            {
                break;
            }
        }

        if (purged > 0)
        {
            LogPurged(logger, purged, before);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} outbox messages sent before {Before:u}")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset before);
}
