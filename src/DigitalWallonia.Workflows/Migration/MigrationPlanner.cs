using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Versions;

namespace DigitalWallonia.Workflows.Migration;

/// <summary>
/// Plans moving instances to a newer version with a <see cref="StateMap"/>. Pure: it changes nothing and runs no step, so
/// the same plan serves a dry run and the run the platform then persists.
/// </summary>
public static class MigrationPlanner
{
    public static MigrationPlan Plan(WorkflowCatalogue catalogue, StateMap map, IEnumerable<MigratingInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(instances);
        var mapErrors = new List<string>();
        if (!catalogue.TryGet(map.WorkflowId, map.ToVersion, out var target))
        {
            mapErrors.Add($"Workflow '{map.WorkflowId}' v{map.ToVersion} is not published.");
            return new MigrationPlan([.. instances.Select(i => new InstanceMigrationPlan(i.InstanceId, i.Version, i.State, map.ToVersion, null) { Errors = ["the target version is not published"] })], mapErrors);
        }

        foreach (var (from, to) in map.States)
        {
            if (!target.TryGetState(to, out _))
            {
                mapErrors.Add($"The map sends state '{from}' to '{to}', which v{map.ToVersion} does not have.");
            }
        }

        return new MigrationPlan([.. instances.Select(i => PlanOne(catalogue, target, map, i))], mapErrors);
    }

    private static InstanceMigrationPlan PlanOne(WorkflowCatalogue catalogue, WorkflowDefinition target, StateMap map, MigratingInstance instance)
    {
        var errors = new List<string>();
        var plan = new InstanceMigrationPlan(instance.InstanceId, instance.Version, instance.State, target.Version, null);
        if (instance.DefinitionId != target.Id)
        {
            return plan with { Errors = [$"the instance runs workflow '{instance.DefinitionId}', not '{target.Id}'"] };
        }

        if (instance.Version >= target.Version)
        {
            return plan with { Errors = [$"the instance is on v{instance.Version}; a migration only moves to a newer version"] };
        }

        if (catalogue.TryGet(instance.DefinitionId, instance.Version, out var source) && !source.TryGetState(instance.State, out _))
        {
            errors.Add($"state '{instance.State}' is not in v{instance.Version}");
        }

        var toState = map.States.TryGetValue(instance.State, out var mapped) ? mapped
            : target.TryGetState(instance.State, out _) ? instance.State
            : null;
        if (toState is null)
        {
            errors.Add($"state '{instance.State}' is not mapped and v{target.Version} has no state of that name");
            return plan with { Errors = errors };
        }

        var kept = new List<string>();
        var replanned = new List<ReplannedDeadline>();
        var cancelled = new List<string>();
        foreach (var kind in instance.OpenDeadlines)
        {
            var waitedFor = target.Transitions.Any(t => t.Trigger is TimerTrigger timer && timer.DeadlineKind == kind && (t.From == toState || DossierScoped(target, kind)));
            var policy = map.Deadlines.TryGetValue(kind, out var chosen) ? chosen : waitedFor ? DeadlinePolicy.Keep : DeadlinePolicy.Cancel;
            if (policy == DeadlinePolicy.Cancel)
            {
                cancelled.Add(kind);
                continue;
            }

            if (!waitedFor)
            {
                errors.Add($"deadline '{kind}' would be kept, but in v{target.Version} no timer in state '{toState}' waits for it; map it to cancel");
                continue;
            }

            if (policy == DeadlinePolicy.Keep)
            {
                kept.Add(kind);
            }
            else if (FindCreation(target, kind, toState) is { } creation)
            {
                replanned.Add(new ReplannedDeadline(kind, creation.Duration, creation.Reminders));
            }
            else
            {
                errors.Add($"deadline '{kind}' is to be re-planned, but v{target.Version} creates no deadline of that kind");
            }
        }

        return plan with { ToState = toState, KeptDeadlines = kept, ReplannedDeadlines = replanned, CancelledDeadlines = cancelled, Errors = errors };
    }

    private static bool DossierScoped(WorkflowDefinition definition, string kind) =>
        AllActions(definition).OfType<CreateDeadlineAction>().Any(a => a.Kind == kind && a.Scope == DeadlineScope.Dossier);

    // The creation that would have applied in the new state: its entry actions first, then transitions into it, then any.
    private static CreateDeadlineAction? FindCreation(WorkflowDefinition definition, string kind, string state)
    {
        var entry = definition.TryGetState(state, out var s) ? s.OnEntry : [];
        var into = definition.Transitions.Where(t => t.To == state).SelectMany(t => t.Actions);
        return entry.Concat(into).Concat(AllActions(definition)).OfType<CreateDeadlineAction>().FirstOrDefault(a => a.Kind == kind);
    }

    private static IEnumerable<WorkflowAction> AllActions(WorkflowDefinition definition) =>
        definition.States.SelectMany(s => s.OnEntry.Concat(s.OnExit)).Concat(definition.Transitions.SelectMany(t => t.Actions));
}
