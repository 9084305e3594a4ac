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
                    break;
                case CancelDeadlineAction cancel when cancel.Kind.Length > 0 && !created.Contains(cancel.Kind):
                    context.Error(DiagnosticMessages.CancelUnknownDeadline, DiagnosticMessages.CancelNeverCreated(cancel.Kind), $"{path}.deadline");
                    break;
                case RequireDifferentActorAction different:
                    if (site.Placement != ActionPlacement.Transition)
                    {
                        context.Error(DiagnosticMessages.SegregationOutsideTransition, DiagnosticMessages.SegregationOnlyOnTransitions(), path);
                    }
                    else if (different.Action.Length > 0 && !actionNames.Contains(different.Action))
                    {
                        context.Error(DiagnosticMessages.UnknownEarlierAction, DiagnosticMessages.NoEarlierAction(different.Action), $"{path}.action");
                    }

                    break;
                case SetDossierFieldAction set:
                    context.CheckRuleSet(set.RuleSet, $"{path}.ruleSet");
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
        for (var r = 0; r < create.Reminders.Count; r++)
        {
            var reminder = create.Reminders[r];
            var reminderPath = context.Map.PathOf(reminder, $"{site.Path}.reminders[{r}]");
            context.CheckTemplate(reminder.Template, $"{reminderPath}.template");
            context.CheckRoles(reminder.Recipients, $"{reminderPath}.to");
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
}
