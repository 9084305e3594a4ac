using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// Maps the positioned JSON tree onto <see cref="WorkflowDefinition"/>. Missing or mistyped parts are reported and
/// replaced by empty values, so one pass reports every problem and the structural checks can still run.
/// </summary>
internal static class DefinitionBinder
{
    private static readonly string[] RootProperties = ["$schema", "id", "version", "title", "programme", "description", "states", "transitions"];
    private static readonly string[] StateProperties = ["id", "labels", "kind", "roles", "onEntry", "onExit"];
    private static readonly string[] TransitionProperties = ["id", "from", "to", "trigger", "guard", "actions", "labels"];
    private static readonly string[] TriggerProperties = ["action", "roles", "input", "automatic", "timer", "event"];
    private static readonly string[] TriggerKinds = ["action", "automatic", "timer", "event"];
    private static readonly string[] GuardProperties = ["ruleSet", "asOf", "when"];
    private static readonly string[] StateKinds = ["initial", "normal", "final"];
    internal static readonly string[] AsOfKinds = ["submitted", "decided", "today"];

    public static WorkflowDefinition? Bind(PositionedNode root, BindContext context)
    {
        var reader = context.AsObject(root, string.Empty, RootProperties);
        if (reader is null)
        {
            return null;
        }

        var id = reader.RequiredString("id");
        var version = reader.Has("version") ? reader.OptionalInt("version", 1, int.MaxValue) ?? 1 : MissingVersion(reader);
        var title = reader.Text("title", required: true, requireFrench: true);
        var description = reader.Text("description", required: false, requireFrench: false);
        var programme = reader.RequiredString("programme");
        var states = reader.List("states", required: true, (node, path) => BindState(node, path, context));
        var transitions = DistinctDerivedIds(reader.List("transitions", required: true, (node, path) => BindTransition(node, path, context)), context);
        return new WorkflowDefinition
        {
            Id = id,
            Version = version,
            Title = title,
            Description = description,
            Programme = programme,
            States = states,
            Transitions = transitions,
        };
    }

    // Two transitions with the same source, target and trigger differ by guard; number the later ones so history stays unambiguous.
    private static List<TransitionDefinition> DistinctDerivedIds(IReadOnlyList<TransitionDefinition> transitions, BindContext context)
    {
        var used = new HashSet<string>(transitions.Where(t => !context.DerivedIds.Contains(t)).Select(t => t.Id), StringComparer.Ordinal);
        var result = new List<TransitionDefinition>(transitions.Count);
        foreach (var transition in transitions)
        {
            if (!context.DerivedIds.Contains(transition) || used.Add(transition.Id))
            {
                result.Add(transition);
                continue;
            }

            var n = 2;
            while (!used.Add($"{transition.Id}#{n}"))
            {
                n++;
            }

            var renamed = transition with { Id = $"{transition.Id}#{n}" };
            if (context.NodePaths.TryGetValue(transition, out var path))
            {
                context.NodePaths[renamed] = path;
            }

            result.Add(renamed);
        }

        return result;
    }

    private static int MissingVersion(ObjectReader reader)
    {
        reader.Required("version");
        return 1;
    }

    private static StateDefinition? BindState(PositionedNode node, string path, BindContext context)
    {
        var reader = context.AsObject(node, path, StateProperties);
        if (reader is null)
        {
            return null;
        }

        var kind = reader.Choice("kind", required: false, StateKinds) switch
        {
            "initial" => StateKind.Initial,
            "final" => StateKind.Final,
            _ => StateKind.Normal,
        };
        return new StateDefinition
        {
            Id = reader.RequiredString("id"),
            Labels = reader.Text("labels", required: true, requireFrench: true),
            Kind = kind,
            Roles = reader.StringList("roles"),
            OnEntry = reader.List("onEntry", required: false, (n, p) => ActionBinder.Bind(n, p, context)),
            OnExit = reader.List("onExit", required: false, (n, p) => ActionBinder.Bind(n, p, context)),
        };
    }

    private static TransitionDefinition? BindTransition(PositionedNode node, string path, BindContext context)
    {
        var reader = context.AsObject(node, path, TransitionProperties);
        if (reader is null)
        {
            return null;
        }

        var from = reader.RequiredString("from");
        var to = reader.RequiredString("to");
        var trigger = reader.Required("trigger") is { } triggerNode ? BindTrigger(triggerNode, reader.PathOf("trigger"), context) : null;
        trigger ??= new AutomaticTrigger();
        var guard = reader.Get("guard") is { } guardNode ? BindGuard(guardNode, reader.PathOf("guard"), context) : null;
        var id = reader.OptionalString("id");
        var transition = new TransitionDefinition
        {
            Id = id ?? $"{from}->{to}:{trigger.Describe().Replace(' ', ':')}",
            From = from,
            To = to,
            Trigger = trigger,
            Guard = guard,
            Actions = reader.List("actions", required: false, (n, p) => ActionBinder.Bind(n, p, context)),
            Labels = reader.Text("labels", required: false, requireFrench: true),
        };
        if (id is null)
        {
            context.DerivedIds.Add(transition);
        }

        return transition;
    }

    private static TransitionTrigger? BindTrigger(PositionedNode node, string path, BindContext context)
    {
        var reader = context.AsObject(node, path, TriggerProperties);
        if (reader is null)
        {
            return null;
        }

        var kinds = TriggerKinds.Where(reader.Has).ToList();
        if (kinds.Count != 1)
        {
            context.Error(DiagnosticMessages.TriggerKind, DiagnosticMessages.TriggerNeedsOneKind(kinds), path, node.Position);
            return null;
        }

        if (kinds[0] != "action" && (reader.Has("roles") || reader.Has("input")))
        {
            var extra = reader.Has("roles") ? "roles" : "input";
            context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.OnlyForActions(extra), reader.PathOf(extra), reader.Get(extra)?.Position ?? node.Position);
        }

        switch (kinds[0])
        {
            case "action":
                return new ActorActionTrigger(reader.RequiredString("action"))
                {
                    Roles = reader.StringList("roles"),
                    Input = reader.List("input", required: false, (n, p) => InputBinder.Bind(n, p, context)),
                };
            case "automatic":
                if (reader.OptionalBool("automatic") == false)
                {
                    context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.AutomaticMustBeTrue(), reader.PathOf("automatic"), node.Position);
                }

                return new AutomaticTrigger();
            case "timer":
                return new TimerTrigger(reader.RequiredString("timer"));
            default:
                return new ExternalEventTrigger(reader.RequiredString("event"));
        }
    }

    internal static GuardDefinition? BindGuard(PositionedNode node, string path, BindContext context)
    {
        var reader = context.AsObject(node, path, GuardProperties);
        if (reader is null)
        {
            return null;
        }

        var ruleSet = reader.RequiredString("ruleSet");
        var asOf = ParseAsOf(reader.Choice("asOf", required: true, AsOfKinds));
        var when = GuardCondition.AllPassed;
        if (reader.OptionalString("when") is { } text && !GuardCondition.TryParse(text, out when))
        {
            context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.InvalidGuardCondition(text), reader.PathOf("when"), reader.Get("when")?.Position ?? node.Position);
            when = GuardCondition.AllPassed;
        }

        return new GuardDefinition(ruleSet, asOf, when);
    }

    internal static AsOfKind ParseAsOf(string? text) => text switch
    {
        "submitted" => AsOfKind.Submitted,
        "decided" => AsOfKind.Decided,
        _ => AsOfKind.Today,
    };
}
