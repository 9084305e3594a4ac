using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>Triggers against each other and against the deadlines that feed timers.</summary>
internal static class TriggerChecks
{
    public static void Run(ValidationContext context)
    {
        var definition = context.Definition;
        var created = ActionSite.All(context).Select(s => s.Action).OfType<CreateDeadlineAction>().Select(a => a.Kind).ToHashSet(StringComparer.Ordinal);
        for (var j = 0; j < definition.Transitions.Count; j++)
        {
            var later = definition.Transitions[j];
            var path = context.PathOfTransition(later, j);
            if (later.Trigger is TimerTrigger timer && timer.DeadlineKind.Length > 0 && !created.Contains(timer.DeadlineKind))
            {
                context.Error(DiagnosticMessages.TimerWithoutDeadline, DiagnosticMessages.TimerNeverCreated(timer.DeadlineKind), $"{path}.trigger.timer");
            }

            for (var i = 0; i < j; i++)
            {
                var earlier = definition.Transitions[i];
                if (earlier.From == later.From && Ambiguous(definition, earlier, later))
                {
                    context.Error(DiagnosticMessages.AmbiguousTrigger, DiagnosticMessages.Ambiguous(later.Trigger.Describe(), later.From, earlier.Id), $"{path}.trigger");
                    break;
                }
            }
        }
    }

    // The runtime tries alternatives in file order and takes the first whose guard holds, so a later transition is
    // only reachable when an earlier one with the same trigger has a guard of its own that differs from the later one.
    private static bool Ambiguous(WorkflowDefinition definition, TransitionDefinition earlier, TransitionDefinition later)
    {
        if (!SameTrigger(earlier.Trigger, later.Trigger))
        {
            return false;
        }

        if (earlier.Guard is not null && earlier.Guard != later.Guard)
        {
            return false;
        }

        if (earlier.Trigger is ActorActionTrigger a && later.Trigger is ActorActionTrigger b)
        {
            var stateRoles = definition.TryGetState(earlier.From, out var state) ? state.Roles : [];
            var rolesA = a.Roles.Count > 0 ? a.Roles : stateRoles;
            var rolesB = b.Roles.Count > 0 ? b.Roles : stateRoles;
            return rolesA.Intersect(rolesB, StringComparer.Ordinal).Any();
        }

        return true;
    }

    private static bool SameTrigger(TransitionTrigger a, TransitionTrigger b) => (a, b) switch
    {
        (ActorActionTrigger x, ActorActionTrigger y) => x.Name == y.Name,
        (TimerTrigger x, TimerTrigger y) => x.DeadlineKind == y.DeadlineKind,
        (ExternalEventTrigger x, ExternalEventTrigger y) => x.EventName == y.EventName,
        (AutomaticTrigger, AutomaticTrigger) => true,
        _ => false,
    };
}
