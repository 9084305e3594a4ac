using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DigitalWallonia.Platform.Audit;

/// <summary>
/// The recurring job that seals the audit heads that moved (<see cref="AuditCheckpoints.TakeAsync"/>), every
/// <see cref="AuditOptions.CheckpointInterval"/>. Non-concurrent; two nodes racing for one step are harmless anyway
/// (the checkpoint sequence is unique, the loser leaves it to the next run).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AuditCheckpointJob(PlatformDbContext db, AuditCheckpoints checkpoints, ILogger<AuditCheckpointJob> logger) : IJob
{
    public const string Name = "audit-checkpoint";

    public async Task Execute(IJobExecutionContext context)
    {
        if (await checkpoints.TakeAsync(db, context.CancellationToken) is { } taken)
        {
            logger.LogInformation("Audit checkpoint {Sequence} sealed the heads of {Count} dossier(s)", taken.Sequence,
                System.Text.Json.Nodes.JsonNode.Parse(taken.HeadsJson)?.AsArray().Count ?? 0);
        }
    }
}
