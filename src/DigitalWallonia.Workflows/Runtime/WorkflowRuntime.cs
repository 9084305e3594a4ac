using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Runtime.Effects;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// The pure workflow runtime: (definition, instance, trigger, actor, moment) → outcome or rejection. No I/O, no clock,
/// no randomness: the same arguments and evaluator answers give the same result, so the platform may retry a firing
/// that lost a concurrency race. Thread-safe; hold one per role catalogue and evaluator.
/// </summary>
public sealed class WorkflowRuntime
{
    private readonly RoleCatalogue _roles;
    private readonly IGuardEvaluator _evaluator;
    private readonly WorkflowRuntimeSettings _settings;

    public WorkflowRuntime(RoleCatalogue roles, IGuardEvaluator evaluator, WorkflowRuntimeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(evaluator);
        _roles = roles;
        _evaluator = evaluator;
        _settings = settings ?? WorkflowRuntimeSettings.Default;
    }

    /// <summary>
    /// Starts a new instance (from <see cref="WorkflowInstance.New"/>): runs the initial state's entry actions and any
    /// automatic transitions from it.
    /// </summary>
    public FiringResult Start(WorkflowDefinition definition, WorkflowInstance instance, Actor actor, FiringMoment moment)
    {
        var session = Open(definition, instance, actor, moment, new Dictionary<string, JsonElement>(), out var rejection);
        if (session is null)
        {
            // Open always explains why it gives no session.
            return FiringResult.Rejected(rejection!);
        }

        if (instance.History.Count > 0)
        {
            return Reject(RejectionReason.AlreadyStarted, RejectionMessages.AlreadyStarted(instance.State));
        }

        session.BeginStart();
        rejection = session.EnterCurrentState() ?? ChainAutomatic(session);
        return rejection is null ? FiringResult.Accepted(session.ToOutcome()) : FiringResult.Rejected(rejection);
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> on <paramref name="instance"/>, which must be pinned to <paramref name="definition"/>.
    /// Among the transitions from the current state that answer the trigger, the first in file order whose roles, input,
    /// segregation of duties and guard all pass is taken; then automatic transitions chain from the state reached.
    /// </summary>
    /// <returns>The outcome to persist, or why nothing may happen (the most advanced refusal among the alternatives).</returns>
    public FiringResult Fire(WorkflowDefinition definition, WorkflowInstance instance, WorkflowTrigger trigger, Actor actor, FiringMoment moment)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var input = trigger switch
        {
            ActorActionFired fired => fired.Input,
            ExternalEventReceived received => received.Payload,
            _ => new Dictionary<string, JsonElement>(),
        };
        var session = Open(definition, instance, actor, moment, input, out var rejection);
        if (session is null)
        {
            // Open always explains why it gives no session.
            return FiringResult.Rejected(rejection!);
        }

        var candidates = definition.TransitionsFrom(instance.State).Where(t => Answers(t.Trigger, trigger)).ToList();
        if (candidates.Count == 0)
        {
            return Reject(RejectionReason.NotAllowedInState, NotAllowedMessage(definition, instance.State, trigger));
        }

        if (trigger is TimerFired timer)
        {
            var open = session.OpenDeadlines.FirstOrDefault(d => d.Kind == timer.DeadlineKind);
            if (open is null)
            {
                return Reject(RejectionReason.DeadlineNotOpen, RejectionMessages.DeadlineNotOpen(timer.DeadlineKind));
            }

            // The firing consumes the deadline: the scheduler marks it fired, so leaving the state must not cancel it too.
            session.OpenDeadlines.Remove(open);
        }

        var action = (trigger as ActorActionFired)?.Name;
        var takenBy = trigger is TimerFired ? Actor.System : actor;
        var best = (Stage: -1, Rejection: (Rejection?)null);
        foreach (var candidate in candidates)
        {
            var (stage, refusal, guard) = Check(session, candidate, trigger);
            if (refusal is null)
            {
                rejection = session.Take(candidate, candidate.Trigger.Describe(), action, guard, takenBy) ?? ChainAutomatic(session);
                return rejection is null ? FiringResult.Accepted(session.ToOutcome()) : FiringResult.Rejected(rejection);
            }

            if (stage > best.Stage)
            {
                best = (stage, refusal);
            }
        }

        // Every candidate that is not taken leaves a refusal, and there was at least one candidate.
        return FiringResult.Rejected(best.Rejection!);
    }

    /// <summary>
    /// The actions <paramref name="actor"/> may take on <paramref name="instance"/> in its current state: roles (with
    /// party scope) and segregation of duties are checked, guards are not. Empty for a final state or another version.
    /// </summary>
    public IReadOnlyList<AvailableAction> AvailableActions(WorkflowDefinition definition, WorkflowInstance instance, Actor actor)
    {
        var session = Open(definition, instance, actor, new FiringMoment(DateTimeOffset.MinValue, DateOnly.MinValue), new Dictionary<string, JsonElement>(), out _);
        if (session is null)
        {
            return [];
        }

        var available = new List<AvailableAction>();
        foreach (var transition in definition.TransitionsFrom(instance.State))
        {
            if (transition.Trigger is not ActorActionTrigger action || available.Any(a => a.Name == action.Name))
            {
                continue;
            }

            var roles = action.Roles.Count > 0 ? action.Roles : (definition.TryGetState(transition.From, out var from) ? from.Roles : []);
            var segregated = transition.Actions.OfType<RequireDifferentActorAction>()
                .Any(s => session.LastDone(s.Action) is { } earlier && earlier.SubjectId == actor.SubjectId);
            if (session.ActorHoldsAny(roles) && !segregated)
            {
                available.Add(new AvailableAction(action.Name, transition.Id, transition.To, action.Input, transition.Labels));
            }
        }

        return available;
    }

    private FiringSession? Open(WorkflowDefinition definition, WorkflowInstance instance, Actor actor, FiringMoment moment, IReadOnlyDictionary<string, JsonElement> input, out Rejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(moment);
        rejection = null;
        if (instance.DefinitionId != definition.Id || instance.DefinitionVersion != definition.Version)
        {
            rejection = new Rejection(RejectionReason.VersionMismatch, RejectionMessages.VersionMismatch(instance.DefinitionId, instance.DefinitionVersion, definition.Id, definition.Version));
            return null;
        }

        if (!definition.TryGetState(instance.State, out _))
        {
            rejection = new Rejection(RejectionReason.UnknownState, RejectionMessages.UnknownState(instance.State, definition.Id, definition.Version));
            return null;
        }

        return new FiringSession(definition, instance, actor, moment, _roles, _evaluator, input);
    }

    // Stages order the refusals so the most informative one is reported: a guard that failed says more than a role missing
    // on another alternative.
    private static (int Stage, Rejection? Refusal, (GuardRequest, GuardOutcome)? Guard) Check(FiringSession session, TransitionDefinition candidate, WorkflowTrigger trigger)
    {
        if (candidate.Trigger is ActorActionTrigger action)
        {
            var roles = action.Roles.Count > 0 ? action.Roles : (session.Definition.TryGetState(candidate.From, out var from) ? from.Roles : []);
            if (!session.ActorHoldsAny(roles))
            {
                return (0, new Rejection(RejectionReason.RoleMissing, RejectionMessages.RoleMissing(action.Name, roles)) { Details = roles }, null);
            }

            var errors = ActionInputChecker.Check(action.Input, ((ActorActionFired)trigger).Input);
            if (errors.Count > 0)
            {
                var fields = errors.Select(e => e.Field).Distinct(StringComparer.Ordinal).ToList();
                return (1, new Rejection(RejectionReason.InvalidInput, RejectionMessages.InvalidInput(action.Name, errors)) { Details = fields, FieldErrors = errors }, null);
            }

            // A party never sets a fact the system owns: refused before anything is evaluated (ActionRunner checks again).
            var staff = session.ActsAsStaff(candidate);
            if (!staff && candidate.Actions.OfType<SetFactAction>().FirstOrDefault(s => SystemFacts.Owns(s.Fact)) is { } systemFact)
            {
                return (1, new Rejection(RejectionReason.SystemFactRefused, RejectionMessages.SystemFactRefused(systemFact.Fact, action.Name)) { Details = [systemFact.Fact] }, null);
            }

            foreach (var segregation in candidate.Actions.OfType<RequireDifferentActorAction>())
            {
                if (session.LastDone(segregation.Action) is { } earlier && earlier.SubjectId == session.Actor.SubjectId)
                {
                    return (2, new Rejection(RejectionReason.SegregationOfDuties, RejectionMessages.SegregationOfDuties(action.Name, segregation.Action)) { Details = [segregation.Action] }, null);
                }
            }
        }

        if (candidate.Guard is not { } guard)
        {
            return (4, null, null);
        }

        var (request, outcome, rejection) = session.Evaluate(guard.RuleSet, guard.AsOf, PendingFacts(session, candidate));
        if (rejection is not null || request is null || outcome is null)
        {
            return (3, rejection, null);
        }

        return Satisfies(guard.When, outcome)
            ? (4, null, (request, outcome))
            : (3, new Rejection(RejectionReason.GuardFailed, RejectionMessages.GuardFailed(guard.When.ToString(), guard.RuleSet, outcome.RuleSetVersion)) { Guard = outcome }, null);
    }

    // What the candidate's setFact actions would store, so that its guard reads them as facts the definition names.
    private static List<(string, JsonElement, FactProvenance)> PendingFacts(FiringSession session, TransitionDefinition candidate)
    {
        var pending = new List<(string, JsonElement, FactProvenance)>();
        var source = session.ActsAsStaff(candidate) ? FactSources.Decided : FactSources.Declared;
        foreach (var set in candidate.Actions.OfType<SetFactAction>())
        {
            if (session.Input.TryGetValue(set.From, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                pending.Add((set.Fact, value, new FactProvenance(source, session.Actor.SubjectId, session.Moment.Now)));
            }
        }

        return pending;
    }

    private Rejection? ChainAutomatic(FiringSession session)
    {
        var entered = new HashSet<string>(StringComparer.Ordinal) { session.State };
        for (var steps = 0; ; steps++)
        {
            TransitionDefinition? taken = null;
            (GuardRequest, GuardOutcome)? takenGuard = null;
            foreach (var candidate in session.Definition.TransitionsFrom(session.State).Where(t => t.Trigger is AutomaticTrigger))
            {
                if (candidate.Guard is not { } guard)
                {
                    taken = candidate;
                    break;
                }

                var (request, outcome, rejection) = session.Evaluate(guard.RuleSet, guard.AsOf);
                if (rejection is not null || request is null || outcome is null)
                {
                    return rejection;
                }

                if (Satisfies(guard.When, outcome))
                {
                    (taken, takenGuard) = (candidate, (request, outcome));
                    break;
                }

                session.Emit(new RuleSetEvaluated(request, outcome, EvaluationPurpose.AutomaticGuardNotMet));
            }

            if (taken is null)
            {
                return null;
            }

            if (steps >= _settings.MaxAutomaticSteps)
            {
                return new Rejection(RejectionReason.AutomaticChainTooLong, RejectionMessages.ChainTooLong(_settings.MaxAutomaticSteps, session.State));
            }

            if (!entered.Add(taken.To))
            {
                return new Rejection(RejectionReason.AutomaticCycle, RejectionMessages.AutomaticCycle(taken.Id, taken.To));
            }

            var refusal = session.Take(taken, taken.Trigger.Describe(), null, takenGuard, Actor.System);
            if (refusal is not null)
            {
                return refusal;
            }
        }
    }

    private static bool Satisfies(GuardCondition when, GuardOutcome outcome) => when.Kind switch
    {
        GuardConditionKind.Rule => when.Name is { } rule && outcome.RuleResults.TryGetValue(rule, out var passed) && passed,
        GuardConditionKind.SuccessEvent => outcome.SuccessEvents.Contains(when.Name, StringComparer.Ordinal),
        _ => outcome.Passed,
    };

    private static bool Answers(TransitionTrigger definition, WorkflowTrigger fired) => (definition, fired) switch
    {
        (ActorActionTrigger a, ActorActionFired f) => a.Name == f.Name,
        (TimerTrigger t, TimerFired f) => t.DeadlineKind == f.DeadlineKind,
        (ExternalEventTrigger e, ExternalEventReceived f) => e.EventName == f.EventName,
        _ => false,
    };

    private static string NotAllowedMessage(WorkflowDefinition definition, string state, WorkflowTrigger trigger)
    {
        var what = trigger switch
        {
            ActorActionFired a => $"Action '{a.Name}'",
            TimerFired t => $"Timer '{t.DeadlineKind}'",
            ExternalEventReceived e => $"Event '{e.EventName}'",
            _ => "This trigger",
        };
        var allowed = definition.TransitionsFrom(state).Select(t => t.Trigger).OfType<ActorActionTrigger>().Select(t => t.Name).Distinct().ToList();
        return RejectionMessages.NotAllowed(what, state, allowed);
    }

    private static FiringResult Reject(RejectionReason reason, string message) => FiringResult.Rejected(new Rejection(reason, message));
}
