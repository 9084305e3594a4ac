using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>States and transitions on their own: ids, initial states, endpoints, roles, guards.</summary>
internal static class StructureChecks
{
    public static void Run(ValidationContext context)
    {
        var definition = context.Definition;
        var seenStates = new HashSet<string>(StringComparer.Ordinal);
        string? firstInitial = null;
        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            var path = context.PathOfState(state, i);
            if (state.Id.Length > 0 && !seenStates.Add(state.Id))
            {
                context.Error(DiagnosticMessages.DuplicateState, DiagnosticMessages.StateDefinedTwice(state.Id), $"{path}.id");
            }

            if (state.Kind == StateKind.Initial)
            {
                if (firstInitial is null)
                {
                    firstInitial = state.Id;
                }
                else
                {
                    context.Error(DiagnosticMessages.MultipleInitialStates, DiagnosticMessages.SecondInitial(state.Id, firstInitial), $"{path}.kind");
                }
            }

            context.CheckRoles(state.Roles, $"{path}.roles");
        }

        if (firstInitial is null && definition.States.Count > 0)
        {
            context.Error(DiagnosticMessages.NoInitialState, DiagnosticMessages.NoInitial(), "states");
        }

        var seenTransitions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            var path = context.PathOfTransition(transition, i);
            if (!seenTransitions.Add(transition.Id))
            {
                context.Error(DiagnosticMessages.DuplicateTransition, DiagnosticMessages.TransitionDefinedTwice(transition.Id), $"{path}.id");
            }

            context.CheckState(transition.From, $"{path}.from");
            context.CheckState(transition.To, $"{path}.to");
            if (definition.TryGetState(transition.From, out var from) && from.Kind == StateKind.Final)
            {
                context.Error(DiagnosticMessages.TransitionFromFinal, DiagnosticMessages.LeavesFinal(transition.From), $"{path}.from");
            }

            if (transition.Guard is { } guard)
            {
                context.CheckRuleSet(guard.RuleSet, $"{path}.guard.ruleSet");
            }

            if (transition.Trigger is ActorActionTrigger action)
            {
                context.CheckRoles(action.Roles, $"{path}.trigger.roles");
                if (action.Roles.Count == 0 && from is { Roles.Count: 0 })
                {
                    context.Error(DiagnosticMessages.ActionWithoutRoles, DiagnosticMessages.NoRolesForAction(action.Name, from.Id), $"{path}.trigger.action");
                }
            }
        }
    }
}
