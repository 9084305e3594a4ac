using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Runtime.Effects;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// The working state of one firing: everything it would change, kept apart from the instance so a rejection at any
/// point leaves nothing behind. Not thread-safe; lives for one call.
/// </summary>
internal sealed class FiringSession
{
    private readonly List<WorkflowEffect> _effects = [];
    private readonly List<HistoryEntry> _history = [];
    private readonly List<TransitionStep> _steps = [];
    private readonly Dictionary<string, FactProvenance> _sources;
    private Dictionary<string, JsonElement>? _facts; // the instance's facts with those set in this firing, once one is
    private readonly Dictionary<string, GuardOutcome> _latestEvaluations = new(StringComparer.Ordinal);

    public FiringSession(WorkflowDefinition definition, WorkflowInstance instance, Actor actor, FiringMoment moment, RoleCatalogue roles, IGuardEvaluator evaluator, IReadOnlyDictionary<string, JsonElement> input)
    {
        Definition = definition;
        Instance = instance;
        Actor = actor;
        Moment = moment;
        Roles = roles;
        Evaluator = evaluator;
        Input = input;
        State = instance.State;
        Dates = instance.Dates;
        OpenDeadlines = [.. instance.OpenDeadlines];
        TakenBy = actor;
        _sources = new Dictionary<string, FactProvenance>(instance.FactSources, StringComparer.Ordinal);
    }

    public WorkflowDefinition Definition { get; }

    public WorkflowInstance Instance { get; }

    public Actor Actor { get; }

    public FiringMoment Moment { get; }

    public RoleCatalogue Roles { get; }

    public IGuardEvaluator Evaluator { get; }

    public IReadOnlyDictionary<string, JsonElement> Input { get; }

    public string State { get; private set; }

    public LegalDates Dates { get; set; }

    public List<OpenDeadline> OpenDeadlines { get; }

    /// <summary>The transition being taken, while its actions run (null for state entry at start).</summary>
    public TransitionDefinition? CurrentTransition { get; private set; }

    /// <summary>
    /// Who takes <see cref="CurrentTransition"/>, and so who decides what its actions and the entry actions of the state it
    /// reaches record (<c>recordDecision</c>): <see cref="Actor"/> for their own action, the start and an external event
    /// (the sender the platform fired it as); <see cref="Runtime.Actor.System"/> for a timer and for every automatic
    /// transition, even one chained after a person's action, because no person chose to take it.
    /// </summary>
    public Actor TakenBy { get; private set; }

    private int StepIndex => _steps.Count - 1;

    public void Emit(WorkflowEffect effect) => _effects.Add(effect with { Step = StepIndex });

    /// <summary>Keeps a fact set in this firing so later guards and outputs of the same firing see it.</summary>
    public void RememberFact(string path, JsonElement value, FactProvenance provenance)
    {
        _facts ??= new Dictionary<string, JsonElement>(Instance.Facts, StringComparer.Ordinal);
        FactPaths.Set(_facts, path, value);
        foreach (var replaced in _sources.Keys.Where(k => k.StartsWith(path + ".", StringComparison.Ordinal)).ToList())
        {
            _sources.Remove(replaced); // the parts of a value replaced whole come from where the whole comes from
        }

        _sources[path] = provenance;
    }

    /// <summary>
    /// Whether <see cref="Actor"/> takes the current transition as staff (a global role among those allowed) rather
    /// than for a party: what staff give is decided, what a party gives is declared.
    /// </summary>
    public bool ActsAsStaff() => CurrentTransition is null || ActsAsStaff(CurrentTransition);

    /// <inheritdoc cref="ActsAsStaff()"/>
    public bool ActsAsStaff(TransitionDefinition transition)
    {
        if (transition.Trigger is not ActorActionTrigger action)
        {
            return true;
        }

        var roles = action.Roles.Count > 0 ? action.Roles : (Definition.TryGetState(transition.From, out var from) ? from.Roles : []);
        return roles.Any(r => Actor.Roles.Contains(r, StringComparer.Ordinal) && (!Roles.TryGet(r, out var role) || role.Scope == RoleScope.Global));
    }

    public GuardOutcome? LatestEvaluation(string ruleSet) => _latestEvaluations.GetValueOrDefault(ruleSet);

    /// <summary>
    /// Evaluates a rule set as of a legal date; a missing date is a rejection, not a guess. <paramref name="pending"/> are
    /// the facts the transition being checked would set (its <c>setFact</c> actions): its guard judges the dossier as it
    /// would be once taken.
    /// </summary>
    public (GuardRequest? Request, GuardOutcome? Outcome, Rejection? Rejection) Evaluate(string ruleSet, AsOfKind asOf, IReadOnlyList<(string Path, JsonElement Value, FactProvenance Provenance)>? pending = null)
    {
        DateOnly? date = asOf switch
        {
            AsOfKind.Submitted => Dates.SubmittedOn,
            AsOfKind.Decided => Dates.DecidedOn,
            _ => Moment.Today,
        };
        if (date is not { } asOfDate)
        {
            return (null, null, new Rejection(RejectionReason.LegalDateMissing, RejectionMessages.LegalDateMissing(ruleSet, asOf.ToString().ToLowerInvariant())));
        }

        var facts = _facts ?? Instance.Facts;
        var sources = new Dictionary<string, FactProvenance>(_sources, StringComparer.Ordinal);
        if (pending is { Count: > 0 })
        {
            var withPending = new Dictionary<string, JsonElement>(facts, StringComparer.Ordinal);
            foreach (var (path, value, provenance) in pending)
            {
                FactPaths.Set(withPending, path, value);
                sources[path] = provenance;
            }

            facts = withPending;
        }

        var request = new GuardRequest(ruleSet, asOf, asOfDate, facts, Input) { FactSources = sources };
        var outcome = Evaluator.Evaluate(request);
        _latestEvaluations[ruleSet] = outcome;
        return (request, outcome, null);
    }

    /// <summary>Whether the actor holds one of <paramref name="roles"/> for this dossier (party-scoped roles must match the dossier's party).</summary>
    public bool ActorHoldsAny(IEnumerable<string> roles) => roles.Any(HoldsRole);


    /// <summary>The latest earlier entry of actor action <paramref name="action"/>, from the stored history or this firing.</summary>
    public HistoryEntry? LastDone(string action) =>
        _history.LastOrDefault(h => h.Action == action) ?? Instance.History.LastOrDefault(h => h.Action == action);

    public void BeginStart()
    {
        Emit(new AuditRecorded("started", null, null, State, "start", Actor.SubjectId, Actor.PartyId, Actor.DisplayName, Moment.Now, []));
    }

    /// <summary>Takes <paramref name="transition"/>: exit actions, state-scoped deadlines cancelled, transition actions, the move, entry actions.</summary>
    public Rejection? Take(TransitionDefinition transition, string trigger, string? action, (GuardRequest Request, GuardOutcome Outcome)? guard, Actor takenBy)
    {
        var from = State;
        _steps.Add(new TransitionStep(transition.Id, from, transition.To, trigger));
        CurrentTransition = transition;
        TakenBy = takenBy;
        if (guard is { } evaluated)
        {
            Emit(new RuleSetEvaluated(evaluated.Request, evaluated.Outcome, EvaluationPurpose.Guard));
        }

        var fromState = Definition.TryGetState(from, out var f) ? f : null;
        var rejection = ActionRunner.Run(this, fromState?.OnExit ?? [], transition.To);
        if (rejection is not null)
        {
            return rejection;
        }

        foreach (var open in OpenDeadlines.Where(d => d.Scope == DeadlineScope.State && d.State == from).ToList())
        {
            OpenDeadlines.Remove(open);
            Emit(new DeadlineCancelled(open.Kind, DeadlineCancelReason.StateLeft));
        }

        rejection = ActionRunner.Run(this, transition.Actions, transition.To);
        if (rejection is not null)
        {
            return rejection;
        }

        State = transition.To;
        Emit(new StateChanged(from, State, transition.Id, trigger));
        var inputFields = action is null ? [] : Input.Keys.Order(StringComparer.Ordinal).ToList();
        Emit(new AuditRecorded("transition", transition.Id, from, State, trigger, Actor.SubjectId, Actor.PartyId, Actor.DisplayName, Moment.Now, inputFields));
        var entry = new HistoryEntry(transition.Id, trigger, action, Actor.SubjectId, Actor.PartyId, Moment.Now, from, State);
        if (action is not null && transition.Trigger is ActorActionTrigger declared)
        {
            var personal = declared.Input.Where(IsPersonal).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            entry = entry with
            {
                Input = Input.Where(i => !personal.Contains(i.Key)).ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal),
                PersonalInput = Input.Where(i => personal.Contains(i.Key)).ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal),
            };
        }

        _history.Add(entry);
        return EnterCurrentState();
    }

    public Rejection? EnterCurrentState()
    {
        var state = Definition.TryGetState(State, out var s) ? s : null;
        return ActionRunner.Run(this, state?.OnEntry ?? [], State);
    }

    public WorkflowOutcome ToOutcome() =>
        new(Instance.State, State, [.. _steps], [.. _effects], [.. _history], [.. OpenDeadlines], Dates);

    private bool HoldsRole(string role)
    {
        if (!Actor.Roles.Contains(role, StringComparer.Ordinal))
        {
            return false;
        }

        if (!Roles.TryGet(role, out var definition) || definition.Scope == RoleScope.Global)
        {
            return true;
        }

        // Any party of the link holds the role: the second of two providers acts as much as the first.
        return Actor.PartyId is { } party && Instance.PartiesOf(definition.EffectivePartyLink).Contains(party, StringComparer.Ordinal);
    }

    // A field holding a personal one (a list of partners with their managers' names) is kept whole in the erasable column.
    private static bool IsPersonal(InputField field) => field.Personal || field.Fields.Any(IsPersonal) || (field.Item is { } item && IsPersonal(item));
}
