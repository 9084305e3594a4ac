namespace DigitalWallonia.Workflows.Definitions;

/// <summary>The rule sets a workflow names (guards, evaluate, setField, recordDecision, scheduleInstalment): its programme's rules.</summary>
public static class WorkflowRuleSets
{
    public static IReadOnlySet<string> Named(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var actions = definition.States.SelectMany(s => s.OnEntry.Concat(s.OnExit)).Concat(definition.Transitions.SelectMany(t => t.Actions));
        foreach (var action in actions)
        {
            var name = action switch
            {
                EvaluateRuleSetAction evaluate => evaluate.RuleSet,
                SetDossierFieldAction set => set.RuleSet,
                RecordDecisionAction decision => decision.RuleSet,
                ScheduleInstalmentAction instalment => instalment.RuleSet,
                _ => null,
            };
            if (name is { Length: > 0 })
            {
                names.Add(name);
            }
        }

        foreach (var guard in definition.Transitions.Select(t => t.Guard).OfType<GuardDefinition>())
        {
            names.Add(guard.RuleSet);
        }

        return names;
    }
}
