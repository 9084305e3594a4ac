using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// Names longer than the platform's column for them (<see cref="WorkflowNameLengths"/>): they would pass every other check
/// and fail at run time (PostgreSQL refuses the row; SQLite would store it anyway, hiding the problem until a move).
/// Only where a name is defined (a deadline kind by <c>createDeadline</c>, not by the timer waiting for it): a reference
/// (a transition's <c>to</c>, a timer, a <c>cancelDeadline</c>) either matches a name reported here or is reported as unknown.
/// </summary>
internal static class LengthChecks
{
    public static void Run(ValidationContext context)
    {
        var definition = context.Definition;
        Check(context, "workflow id", definition.Id, WorkflowNameLengths.WorkflowId, "id");
        Check(context, "programme", definition.Programme, WorkflowNameLengths.Programme, "programme");
        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            Check(context, "state id", state.Id, WorkflowNameLengths.StateId, $"{context.PathOfState(state, i)}.id");
        }

        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            var path = context.PathOfTransition(transition, i);
            // An id the loader derived (FROM->TO:TRIGGER) can be too long although each part fits: say how to fix it.
            if (context.Map != DefinitionSourceMap.Empty && !context.Map.IsWritten($"{path}.id"))
            {
                if (transition.Id.Length > WorkflowNameLengths.TransitionId)
                {
                    context.Error(DiagnosticMessages.NameTooLong, DiagnosticMessages.DerivedIdLongerThanStored(transition.Id, WorkflowNameLengths.TransitionId), $"{path}.id");
                }
            }
            else
            {
                Check(context, "transition id", transition.Id, WorkflowNameLengths.TransitionId, $"{path}.id");
            }
            switch (transition.Trigger)
            {
                case ActorActionTrigger action:
                    Check(context, "action name", action.Name, WorkflowNameLengths.ActionName, $"{path}.trigger.action");
                    break;
                case ExternalEventTrigger received:
                    Check(context, "event name", received.EventName, WorkflowNameLengths.EventName, $"{path}.trigger.event");
                    break;
            }

            if (transition.Guard is { } guard)
            {
                CheckRuleSet(context, guard.RuleSet, $"{path}.guard.ruleSet");
            }
        }

        foreach (var site in ActionSite.All(context))
        {
            CheckAction(context, site.Action, site.Path);
        }
    }

    private static void CheckAction(ValidationContext context, WorkflowAction action, string path)
    {
        switch (action)
        {
            case EvaluateRuleSetAction evaluate:
                CheckRuleSet(context, evaluate.RuleSet, $"{path}.ruleSet");
                break;
            case NotifyAction notify:
                CheckTemplate(context, notify.Template, $"{path}.template");
                break;
            case CreateDeadlineAction create:
                Check(context, "deadline kind", create.Kind, WorkflowNameLengths.DeadlineKind, $"{path}.deadline");
                for (var r = 0; r < create.Reminders.Count; r++)
                {
                    var reminder = create.Reminders[r];
                    CheckTemplate(context, reminder.Template, $"{context.Map.PathOf(reminder, $"{path}.reminders[{r}]")}.template");
                }

                break;
            case SetDossierFieldAction set:
                CheckRuleSet(context, set.RuleSet, $"{path}.ruleSet");
                break;
            case RecordDecisionAction { RuleSet: { } ruleSet }:
                CheckRuleSet(context, ruleSet, $"{path}.ruleSet");
                break;
            case IssueDocumentAction document:
                Check(context, "document kind", document.Document, WorkflowNameLengths.DocumentKind, $"{path}.document");
                CheckTemplate(context, document.Template, $"{path}.template");
                break;
            case ScheduleInstalmentAction instalment:
                Check(context, "instalment name", instalment.Instalment, WorkflowNameLengths.InstalmentName, $"{path}.instalment");
                CheckRuleSet(context, instalment.RuleSet, $"{path}.ruleSet");
                break;
        }
    }

    private static void CheckTemplate(ValidationContext context, string key, string path) =>
        Check(context, "template key", key, WorkflowNameLengths.TemplateKey, path);

    private static void CheckRuleSet(ValidationContext context, string name, string path) =>
        Check(context, "rule set name", name, WorkflowNameLengths.RuleSet, path);

    private static void Check(ValidationContext context, string what, string name, int max, string path)
    {
        if (name.Length > max)
        {
            context.Error(DiagnosticMessages.NameTooLong, DiagnosticMessages.LongerThanStored(what, name, max), path);
        }
    }
}
