using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime.Effects;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>Turns a list of actions into effects on the session, in order.</summary>
internal static class ActionRunner
{
    /// <summary>Runs <paramref name="actions"/>; <paramref name="forState"/> is the state the dossier is in once they have run, which state-scoped deadlines belong to.</summary>
    public static Rejection? Run(FiringSession session, IReadOnlyList<WorkflowAction> actions, string forState)
    {
        foreach (var action in actions)
        {
            var rejection = action switch
            {
                EvaluateRuleSetAction evaluate => Evaluate(session, evaluate),
                NotifyAction notify => Notify(session, notify.Template, notify.Recipients),
                CreateDeadlineAction create => CreateDeadline(session, create, forState),
                CancelDeadlineAction cancel => CancelDeadline(session, cancel.Kind),
                SetDossierFieldAction set => SetField(session, set),
                SetFactAction fact => SetFact(session, fact),
                RecordDecisionAction decision => RecordDecision(session, decision),
                IssueDocumentAction document => Emit(session, new DocumentRequested(document.Document, document.Template)),
                ScheduleInstalmentAction instalment => ScheduleInstalment(session, instalment),

                // Checked before the transition is chosen (WorkflowRuntime), so it has nothing left to do here.
                RequireDifferentActorAction => null,
                _ => throw new InvalidOperationException($"Action type {action.GetType().Name} has no runner."),
            };
            if (rejection is not null)
            {
                return rejection;
            }
        }

        return null;
    }

    private static Rejection? Emit(FiringSession session, WorkflowEffect effect)
    {
        session.Emit(effect);
        return null;
    }

    private static Rejection? Evaluate(FiringSession session, EvaluateRuleSetAction action)
    {
        var (request, outcome, rejection) = session.Evaluate(action.RuleSet, action.AsOf);
        if (rejection is not null || request is null || outcome is null)
        {
            return rejection;
        }

        session.Emit(new RuleSetEvaluated(request, outcome, EvaluationPurpose.Action));
        return null;
    }

    private static Rejection? Notify(FiringSession session, string template, IReadOnlyList<string> roles)
    {
        session.Emit(new NotificationRequested(template, NotificationRecipient.For(roles, session.Roles, session.Instance.Parties)));
        return null;
    }

    private static Rejection? CreateDeadline(FiringSession session, CreateDeadlineAction action, string forState)
    {
        // One open deadline per kind: creating it again re-plans it from now, as a new request for documents does.
        var existing = session.OpenDeadlines.FirstOrDefault(d => d.Kind == action.Kind);
        if (existing is not null)
        {
            session.OpenDeadlines.Remove(existing);
            session.Emit(new DeadlineCancelled(action.Kind, DeadlineCancelReason.Replaced));
        }

        session.OpenDeadlines.Add(new OpenDeadline(action.Kind, forState, action.Scope));
        session.Emit(new DeadlineCreated(action.Kind, action.Duration, action.Reminders, action.Scope, forState, session.Moment.Now, session.Moment.Today));
        return null;
    }

    private static Rejection? CancelDeadline(FiringSession session, string kind)
    {
        var open = session.OpenDeadlines.FirstOrDefault(d => d.Kind == kind);
        if (open is not null)
        {
            session.OpenDeadlines.Remove(open);
            session.Emit(new DeadlineCancelled(kind, DeadlineCancelReason.Action));
        }

        return null;
    }

    private static Rejection? SetField(FiringSession session, SetDossierFieldAction action)
    {
        var (value, rejection) = Output(session, action.RuleSet, action.Output, action.AsOf);
        if (rejection is not null)
        {
            return rejection;
        }

        var decidedBy = session.TakenBy.SubjectId;
        session.RememberFact(action.Field, value, new FactProvenance(FactSources.Decided, decidedBy, session.Moment.Now));
        session.Emit(new DossierFieldSet(action.Field, value, action.RuleSet, action.Output) { DecidedBy = decidedBy });
        return null;
    }

    /// <summary>
    /// Keeps an input field as a fact: declared when a party gave it, decided when staff did. A party never sets a fact
    /// the system owns, whatever the definition says (the validator refuses such a definition too).
    /// </summary>
    private static Rejection? SetFact(FiringSession session, SetFactAction action)
    {
        var actionName = (session.CurrentTransition?.Trigger as ActorActionTrigger)?.Name ?? "(none)";
        var staff = session.ActsAsStaff();
        if (!staff && SystemFacts.Owns(action.Fact))
        {
            return new Rejection(RejectionReason.SystemFactRefused, RejectionMessages.SystemFactRefused(action.Fact, actionName)) { Details = [action.Fact] };
        }

        if (!session.Input.TryGetValue(action.From, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null; // an optional field left empty sets nothing
        }

        var provenance = new FactProvenance(staff ? FactSources.Decided : FactSources.Declared, session.Actor.SubjectId, session.Moment.Now);
        session.RememberFact(action.Fact, value, provenance);
        session.Emit(new DossierFactSet(action.Fact, value.Clone(), action.From, provenance));
        return null;
    }

    private static Rejection? RecordDecision(FiringSession session, RecordDecisionAction action)
    {
        var today = session.Moment.Today;
        session.Dates = session.Dates with { DecidedOn = today };
        var decidedBy = session.TakenBy.SubjectId;
        string? countersignedBy = null;
        // Segregation of duties is checked only for a person's action (WorkflowRuntime.Check), so only there does a
        // proposer share the decision; an automatic transition's decision stays the system's.
        if (session.CurrentTransition is { Trigger: ActorActionTrigger } transition
            && transition.Actions.OfType<RequireDifferentActorAction>().FirstOrDefault() is { } segregation
            && session.LastDone(segregation.Action) is { } proposal)
        {
            decidedBy = proposal.SubjectId;
            countersignedBy = session.TakenBy.SubjectId;
        }

        var evaluation = action.RuleSet is null ? null : session.LatestEvaluation(action.RuleSet);
        session.Emit(new DecisionRequested(action.Decision, today, decidedBy, countersignedBy, action.RuleSet, evaluation));
        return null;
    }

    private static Rejection? ScheduleInstalment(FiringSession session, ScheduleInstalmentAction action)
    {
        var (value, rejection) = Output(session, action.RuleSet, action.Output, action.AsOf);
        if (rejection is not null)
        {
            return rejection;
        }

        session.Emit(new InstalmentScheduled(action.Instalment, value, action.RuleSet, action.Output, action.Due));
        return null;
    }

    /// <summary>An output of the rule set's latest evaluation in this firing, evaluating it now when there was none.</summary>
    private static (JsonElement Value, Rejection? Rejection) Output(FiringSession session, string ruleSet, string output, AsOfKind asOf)
    {
        var outcome = session.LatestEvaluation(ruleSet);
        if (outcome is null)
        {
            var (request, evaluated, rejection) = session.Evaluate(ruleSet, asOf);
            if (rejection is not null || request is null || evaluated is null)
            {
                return (default, rejection);
            }

            session.Emit(new RuleSetEvaluated(request, evaluated, EvaluationPurpose.Output));
            outcome = evaluated;
        }

        return outcome.Outputs.TryGetValue(output, out var value)
            ? (value, null)
            : (default, new Rejection(RejectionReason.RuleOutputMissing, RejectionMessages.RuleOutputMissing(ruleSet, outcome.RuleSetVersion, output)) { Details = [output] });
    }
}
