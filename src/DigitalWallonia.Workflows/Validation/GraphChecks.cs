using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>The state machine as a graph: reachability, dead ends, and loops of automatic transitions.</summary>
internal static class GraphChecks
{
    public static void Run(ValidationContext context)
    {
        var definition = context.Definition;
        var reachable = Reachable(definition);
        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            var path = context.PathOfState(state, i);
            if (reachable is not null && !reachable.Contains(state.Id))
            {
                context.Error(DiagnosticMessages.UnreachableState, DiagnosticMessages.Unreachable(state.Id), $"{path}.id");
            }

            if (state.Kind != StateKind.Final && !definition.TransitionsFrom(state.Id).Any())
            {
                context.Error(DiagnosticMessages.DeadEnd, DiagnosticMessages.NoWayOut(state.Id), $"{path}.id");
            }
        }

        ReportAutomaticCycles(context);
    }

    /// <summary>States reachable from the initial one, or null when there is no initial state (reported elsewhere).</summary>
    private static HashSet<string>? Reachable(WorkflowDefinition definition)
    {
        if (definition.InitialState is not { } initial)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { initial.Id };
        var queue = new Queue<string>([initial.Id]);
        while (queue.Count > 0)
        {
            foreach (var transition in definition.TransitionsFrom(queue.Dequeue()))
            {
                if (seen.Add(transition.To))
                {
                    queue.Enqueue(transition.To);
                }
            }
        }

        return seen;
    }

    // Unguarded automatic transitions are always taken, so a loop of them never settles. Guarded loops are legal
    // (the guard's facts may change between firings); the runtime bounds those.
    private static void ReportAutomaticCycles(ValidationContext context)
    {
        var definition = context.Definition;
        var edges = definition.Transitions
            .Select((t, i) => (Transition: t, Index: i))
            .Where(e => e.Transition.Trigger is AutomaticTrigger && e.Transition.Guard is null)
            .ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Select(e => e.Transition.From).Distinct(StringComparer.Ordinal))
        {
            var walk = new List<string> { start };
            var trail = new List<(TransitionDefinition Transition, int Index)>();
            var current = start;
            while (!done.Contains(current))
            {
                var next = edges.FirstOrDefault(e => e.Transition.From == current);
                if (next.Transition is null)
                {
                    break;
                }

                trail.Add(next);
                var loopStart = walk.IndexOf(next.Transition.To);
                if (loopStart >= 0)
                {
                    var text = string.Join(" -> ", walk.Skip(loopStart).Append(next.Transition.To));
                    var first = trail[loopStart];
                    context.Error(DiagnosticMessages.AutomaticCycle, DiagnosticMessages.CycleOfAutomatic(text), $"{context.PathOfTransition(first.Transition, first.Index)}.trigger");
                    break;
                }

                walk.Add(next.Transition.To);
                current = next.Transition.To;
            }

            done.UnionWith(walk);
        }
    }
}
