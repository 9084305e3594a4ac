using System.Globalization;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Scheduling.TestNode;

/// <summary>The test's <see cref="IDeadlineTarget"/>: records each firing in <see cref="FiringLog"/> through the sweeper's context and transaction.</summary>
public sealed class RecordingDeadlineTarget(PlatformDbContext db, SchedulerNode node, TimeProvider time, RecordingSettings settings) : IDeadlineTarget
{
    public Task FireAsync(Deadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return RecordAsync(deadline.Id, 0, cancellationToken);
    }

    public Task RemindAsync(Deadline deadline, DeadlineReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(reminder);
        return RecordAsync(deadline.Id, reminder.Id, cancellationToken);
    }

    private async Task RecordAsync(long deadlineId, long reminderId, CancellationToken cancellationToken)
    {
        if (settings.FailingDeadlines.Contains(deadlineId))
        {
            throw new InvalidOperationException($"deadline {deadlineId} is set to fail");
        }

        var at = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO test_firings (deadline_id, reminder_id, node, fired_at) VALUES ({deadlineId}, {reminderId}, {node.Id}, {at})",
            cancellationToken);
        if (settings.FireDelay > TimeSpan.Zero)
        {
            // Widens the window in which a node can be killed between its claim and its commit.
            await Task.Delay(settings.FireDelay, cancellationToken);
        }
    }
}
