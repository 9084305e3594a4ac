using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>Checks each action's references: templates, rule sets, roles, deadlines, and earlier actions.</summary>
internal static class ActionChecks
{
    public static void Run(ValidationContext context)
    {
        var sites = ActionSite.All(context).ToList();
        var created = sites.Select(s => s.Action).OfType<CreateDeadlineAction>().Select(a => a.Kind).ToHashSet(StringComparer.Ordinal);
        var actionNames = context.Definition.Transitions.Select(t => t.Trigger).OfType<ActorActionTrigger>().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var unanswered = new HashSet<(string Kind, string State)>();

        foreach (var site in sites)
        {
            var path = site.Path;
            switch (site.Action)
            {
                case EvaluateRuleSetAction evaluate:
                    context.CheckRuleSet(evaluate.RuleSet, $"{path}.ruleSet");
                    break;
                case NotifyAction notify:
                    context.CheckTemplate(notify.Template, $"{path}.template");
                    context.CheckRoles(notify.Recipients, $"{path}.to");
                    break;
                case CreateDeadlineAction create:
                    CheckDeadline(context, create, site);
                    if (create.Scope == DeadlineScope.Dossier && create.Kind.Length > 0)
                    {
                        WarnWhereUnanswered(context, create, site, unanswered);
                    }

                    break;
                case CancelDeadlineAction cancel when cancel.Kind.Length > 0 && !created.Contains(cancel.Kind):
                    context.Error(DiagnosticMessages.CancelUnknownDeadline, DiagnosticMessages.CancelNeverCreated(cancel.Kind), $"{path}.deadline");
                    break;
                case RequireDifferentActorAction different:
                    if (site.Placement != ActionPlacement.Transition)
                    {
                        context.Error(DiagnosticMessages.SegregationOutsideTransition, DiagnosticMessages.SegregationOnlyOnTransitions(), path);
                    }
                    else
                    {
                        // Segregation of duties compares the person taking a transition with an earlier one: on a transition
                        // nobody takes (automatic, timer, event) there is no one to compare, so what looks like four eyes is none.
                        if (site.Transition is { Trigger: not ActorActionTrigger } untaken)
                        {
                            context.Error(DiagnosticMessages.SegregationWithoutPerson, DiagnosticMessages.NobodyToCompare(untaken.Id, untaken.Trigger.Describe()), path);
                        }

                        if (different.Action.Length > 0 && !actionNames.Contains(different.Action))
                        {
                            context.Error(DiagnosticMessages.UnknownEarlierAction, DiagnosticMessages.NoEarlierAction(different.Action), $"{path}.action");
                        }
                    }

                    break;
                case SetDossierFieldAction set:
                    context.CheckRuleSet(set.RuleSet, $"{path}.ruleSet");
                    break;
                case SetFactAction setFact:
                    InputChecks.CheckSetFact(context, setFact, site);
                    break;
                case RecordDecisionAction { RuleSet: { } decisionRuleSet }:
                    context.CheckRuleSet(decisionRuleSet, $"{path}.ruleSet");
                    break;
                case IssueDocumentAction document:
                    context.CheckTemplate(document.Template, $"{path}.template");
                    break;
                case ScheduleInstalmentAction instalment:
                    context.CheckRuleSet(instalment.RuleSet, $"{path}.ruleSet");
                    break;
            }
        }
    }

    private static void CheckDeadline(ValidationContext context, CreateDeadlineAction create, ActionSite site)
    {
        CheckDurationParameter(context, create.Duration, $"{site.Path}.duration");
        for (var r = 0; r < create.Reminders.Count; r++)
        {
            var reminder = create.Reminders[r];
            var reminderPath = context.Map.PathOf(reminder, $"{site.Path}.reminders[{r}]");
            context.CheckTemplate(reminder.Template, $"{reminderPath}.template");
            context.CheckRoles(reminder.Recipients, $"{reminderPath}.to");
            CheckDurationParameter(context, reminder.Before, $"{reminderPath}.before");
        }

        if (create.Kind.Length == 0)
        {
            return;
        }

        // A deadline nobody waits for would fire into nothing: the timer that handles it must leave the state it lives in.
        var timers = context.Definition.Transitions.Where(t => t.Trigger is TimerTrigger timer && timer.DeadlineKind == create.Kind);
        var handled = create.Scope == DeadlineScope.Dossier || site.Placement == ActionPlacement.Exit
            ? timers.Any()
            : timers.Any(t => t.From == site.ForState);
        if (!handled)
        {
            context.Error(DiagnosticMessages.DeadlineWithoutTimer, DiagnosticMessages.DeadlineFiresIntoNothing(create.Kind, site.ForState), $"{site.Path}.deadline");
        }
    }

    /// <summary>
    /// A delay read from a parameter is read from the rule sets of the workflow's own programme, the ones it names: a
    /// parameter of the same name in another programme's rules must not move this programme's deadlines.
    /// </summary>
    private static void CheckDurationParameter(ValidationContext context, DeadlineDuration duration, string path)
    {
        if (duration.Parameter is not { Length: > 0 } parameter || context.Catalogues.RuleSetParameters is not { } byRuleSet)
        {
            return;
        }

        var named = WorkflowRuleSets.Named(context.Definition);
        if (named.Any(n => byRuleSet.TryGetValue(n, out var parameters) && parameters.Contains(parameter)))
        {
            return;
        }

        var holders = byRuleSet.Where(p => p.Value.Contains(parameter)).Select(p => p.Key).Order(StringComparer.Ordinal);
        context.Error(DiagnosticMessages.ParameterOfAnotherProgramme,
            DiagnosticMessages.ParameterNotInWorkflowRuleSets(parameter, named.Order(StringComparer.Ordinal), holders), path);
    }

    /// <summary>
    /// A deadline that lives with the dossier stays open from state to state until a timer fires it or an action cancels
    /// it. Falling due in a state no timer transition leaves on it, it changes nothing and is spent: the label expiry
    /// that passed while a premium awaited payment, leaving the label in force for good. Warned once per state, from the
    /// first place that creates it. States left only by automatic transitions are passed through, not waited in.
    /// </summary>
    private static void WarnWhereUnanswered(ValidationContext context, CreateDeadlineAction create, ActionSite site, HashSet<(string Kind, string State)> warned)
    {
        var definition = context.Definition;
        bool Cancels(IEnumerable<WorkflowAction> actions) => actions.OfType<CancelDeadlineAction>().Any(c => c.Kind == create.Kind);
        var seen = new HashSet<string>(StringComparer.Ordinal) { site.ForState };
        var queue = new Queue<string>([site.ForState]);
        while (queue.Count > 0)
        {
            var stateId = queue.Dequeue();
            if (!definition.TryGetState(stateId, out var state) || state.Kind == StateKind.Final)
            {
                continue;
            }

            var exits = definition.TransitionsFrom(stateId).ToList();
            var passedThrough = exits.Count > 0 && exits.All(t => t.Trigger is AutomaticTrigger);
            if (!passedThrough && !exits.Any(t => t.Trigger is TimerTrigger timer && timer.DeadlineKind == create.Kind)
                && warned.Add((create.Kind, stateId)))
            {
                context.Warning(DiagnosticMessages.DossierDeadlineUnanswered, DiagnosticMessages.FallsDueUnanswered(create.Kind, stateId), $"{site.Path}.deadline");
            }

            foreach (var exit in exits)
            {
                var fired = exit.Trigger is TimerTrigger t && t.DeadlineKind == create.Kind;
                var cancelled = Cancels(state.OnExit) || Cancels(exit.Actions)
                    || (definition.TryGetState(exit.To, out var target) && Cancels(target.OnEntry));
                if (!fired && !cancelled && seen.Add(exit.To))
                {
                    queue.Enqueue(exit.To);
                }
            }
        }
    }
}
