using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// An action with where it is written. <see cref="ForState"/> is the state the dossier is in once the action has run:
/// the state entered or left, or a transition's target; it is what a state-scoped deadline belongs to.
/// <see cref="Transition"/> is the transition whose actions hold it (null for a state's entry and exit actions).
/// </summary>
internal sealed record ActionSite(WorkflowAction Action, string Path, ActionPlacement Placement, string ForState, TransitionDefinition? Transition)
{
    public static IEnumerable<ActionSite> All(ValidationContext context)
    {
        var definition = context.Definition;
        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            var statePath = context.PathOfState(state, i);
            foreach (var site in Sites(context, state.OnEntry, $"{statePath}.onEntry", ActionPlacement.Entry, state.Id, null))
            {
                yield return site;
            }

            foreach (var site in Sites(context, state.OnExit, $"{statePath}.onExit", ActionPlacement.Exit, state.Id, null))
            {
                yield return site;
            }
        }

        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            var path = $"{context.PathOfTransition(transition, i)}.actions";
            foreach (var site in Sites(context, transition.Actions, path, ActionPlacement.Transition, transition.To, transition))
            {
                yield return site;
            }
        }
    }

    private static IEnumerable<ActionSite> Sites(ValidationContext context, IReadOnlyList<WorkflowAction> actions, string listPath, ActionPlacement placement, string state, TransitionDefinition? transition)
    {
        for (var k = 0; k < actions.Count; k++)
        {
            yield return new ActionSite(actions[k], context.Map.PathOf(actions[k], $"{listPath}[{k}]"), placement, state, transition);
        }
    }
}
