using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Migration;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// Moves chosen dossiers to a newer workflow version with a state map: plans with the pure planner (a dry run stops
/// there), then per dossier, in its own version-checked transaction, re-pins it, sets the mapped state, keeps, re-plans
/// or cancels its open deadlines and records an audit event. No step of the workflow is run again.
/// </summary>
public sealed class WorkflowMigration(PlatformDbContext db, WorkflowDefinitions definitions, DeadlinePlanner planner, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Plans the migration of every dossier on an older version of the map's workflow (or only <paramref name="references"/>).</summary>
    public async Task<MigrationPlan> PlanAsync(StateMap map, IReadOnlyCollection<string>? references, CancellationToken cancellationToken)
    {
        var catalogue = await definitions.CatalogueAsync(db, map.WorkflowId, cancellationToken);
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.WorkflowId == map.WorkflowId && d.WorkflowVersion < map.ToVersion)
            .Where(d => references == null || references.Contains(d.Reference))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Reference, d.WorkflowVersion, d.State })
            .ToListAsync(cancellationToken);
        var ids = dossiers.Select(d => d.Id).ToList();
        var open = (await db.Deadlines.AsNoTracking()
                .Where(d => ids.Contains(d.DossierId) && d.Status == DeadlineStatus.Pending)
                .Select(d => new { d.DossierId, d.Kind })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.DossierId, d => d.Kind);
        return MigrationPlanner.Plan(catalogue, map,
            dossiers.Select(d => new MigratingInstance(d.Reference, map.WorkflowId, d.WorkflowVersion, d.State, [.. open[d.Id]])));
    }

    /// <summary>Applies a plan that <see cref="MigrationPlan.CanApply"/>; returns the references migrated.</summary>
    /// <exception cref="InvalidOperationException">The plan has errors: nothing is changed.</exception>
    public async Task<IReadOnlyList<string>> ApplyAsync(StateMap map, MigrationPlan plan, CancellationToken cancellationToken)
    {
        if (!plan.CanApply)
        {
            throw new InvalidOperationException("The migration plan has errors; run it with --dry-run to see them. Nothing was changed.");
        }

        var target = await definitions.GetAsync(db, map.WorkflowId, map.ToVersion, cancellationToken);
        var migrated = new List<string>();
        foreach (var step in plan.Instances)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == step.InstanceId, cancellationToken);
            if (dossier.WorkflowVersion != step.FromVersion || dossier.State != step.FromState)
            {
                throw new DossierConflictException(dossier.Reference,
                    $"{dossier.Reference} changed since the plan was made (now v{dossier.WorkflowVersion}, '{dossier.State}'); plan again.");
            }

            var deadlines = await db.Deadlines.Include(d => d.Reminders)
                .Where(d => d.DossierId == dossier.Id && d.Status == DeadlineStatus.Pending)
                .ToListAsync(cancellationToken);
            foreach (var deadline in deadlines)
            {
                if (step.CancelledDeadlines.Contains(deadline.Kind))
                {
                    deadline.Cancel(now);
                }
                else if (step.ReplannedDeadlines.FirstOrDefault(r => r.Kind == deadline.Kind) is { } replan)
                {
                    deadline.Cancel(now);
                    // Re-planned from the original start: the company keeps the delay it was given, under the new rule.
                    db.Deadlines.Add(planner.Create(dossier.Id, target, deadline.Kind, step.ToState!, deadline.LivesWithDossier,
                        deadline.CreatedAt, replan.Duration, replan.Reminders, now));
                }
            }

            audit.Append(db, dossier, "workflow-migrated", "migration", null, new JsonObject
            {
                ["from"] = $"{map.WorkflowId}@v{step.FromVersion}:{step.FromState}",
                ["to"] = $"{map.WorkflowId}@v{step.ToVersion}:{step.ToState}",
                ["kept"] = new JsonArray([.. step.KeptDeadlines.Select(k => (JsonNode)k)]),
                ["replanned"] = new JsonArray([.. step.ReplannedDeadlines.Select(r => (JsonNode)r.Kind)]),
                ["cancelled"] = new JsonArray([.. step.CancelledDeadlines.Select(k => (JsonNode)k)]),
            });
            dossier.PinWorkflow(target.Id, target.Version);
            dossier.MoveTo(step.ToState!);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            migrated.Add(dossier.Reference);
        }

        return migrated;
    }

    /// <summary>One line per dossier, for the dry run and the log.</summary>
    public static IEnumerable<string> Describe(MigrationPlan plan)
    {
        foreach (var error in plan.MapErrors)
        {
            yield return $"map: {error}";
        }

        foreach (var step in plan.Instances)
        {
            var deadlines = string.Join("; ", new[]
            {
                step.KeptDeadlines.Count > 0 ? "keep " + string.Join(", ", step.KeptDeadlines) : null,
                step.ReplannedDeadlines.Count > 0 ? "re-plan " + string.Join(", ", step.ReplannedDeadlines.Select(r => r.Kind)) : null,
                step.CancelledDeadlines.Count > 0 ? "cancel " + string.Join(", ", step.CancelledDeadlines) : null,
            }.Where(s => s is not null));
            yield return step.CanMigrate
                ? string.Create(CultureInfo.InvariantCulture, $"{step.InstanceId}: v{step.FromVersion} '{step.FromState}' -> v{step.ToVersion} '{step.ToState}'{(deadlines.Length > 0 ? "; " + deadlines : "")}")
                : $"{step.InstanceId}: cannot migrate: {string.Join("; ", step.Errors)}";
        }
    }
}
