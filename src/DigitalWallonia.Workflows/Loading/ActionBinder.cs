using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>Binds one action object; its <c>type</c> decides which properties are known.</summary>
internal static class ActionBinder
{
    private static readonly Dictionary<string, string[]> PropertiesByType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["evaluate"] = ["type", "ruleSet", "asOf"],
        ["notify"] = ["type", "template", "to"],
        ["createDeadline"] = ["type", "deadline", "duration", "reminders", "scope"],
        ["cancelDeadline"] = ["type", "deadline"],
        ["requireDifferentActor"] = ["type", "action"],
        ["setField"] = ["type", "field", "ruleSet", "output", "asOf"],
        ["setFact"] = ["type", "fact", "from"],
        ["recordDecision"] = ["type", "decision", "ruleSet"],
        ["issueDocument"] = ["type", "document", "template"],
        ["scheduleInstalment"] = ["type", "instalment", "ruleSet", "output", "due", "asOf"],
    };

    private static readonly string[] ReminderProperties = ["before", "template", "to"];
    private static readonly string[] Scopes = ["state", "dossier"];

    /// <summary>The decision kinds a <c>recordDecision</c> action may record.</summary>
    internal static readonly string[] DecisionKinds = ["grant", "refusal", "partial", "withdrawal", "recovery"];

    public static IReadOnlyCollection<string> Types => PropertiesByType.Keys;

    public static WorkflowAction? Bind(PositionedNode node, string path, BindContext context)
    {
        if (node is not PositionedObject obj)
        {
            context.AsObject(node, path);
            return null;
        }

        var typeProperty = obj.Properties.FirstOrDefault(p => p.Name.Equals("type", StringComparison.OrdinalIgnoreCase));
        if (typeProperty is null)
        {
            context.Error(DiagnosticMessages.MissingProperty, DiagnosticMessages.Missing("type"), BindContext.Child(path, "type"), node.Position);
            return null;
        }

        var typeText = typeProperty.Value is PositionedValue { Kind: JsonValueKind.String } v ? v.Text : null;
        var type = PropertiesByType.Keys.FirstOrDefault(k => k.Equals(typeText, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            context.Error(DiagnosticMessages.UnknownActionType, DiagnosticMessages.UnknownAction(typeText ?? typeProperty.Value.Describe(), PropertiesByType.Keys), BindContext.Child(path, "type"), typeProperty.Value.Position);
            return null;
        }

        var reader = context.AsObject(node, path, PropertiesByType[type]);
        if (reader is null)
        {
            return null;
        }

        reader.Get("type");
        return type switch
        {
            "evaluate" => new EvaluateRuleSetAction(reader.RequiredString("ruleSet"), AsOf(reader, required: true, AsOfKind.Today)),
            "notify" => new NotifyAction(reader.RequiredString("template"), reader.StringList("to", required: true)),
            "createDeadline" => new CreateDeadlineAction(reader.RequiredString("deadline"), Duration(reader, "duration", required: true) ?? DeadlineDuration.CalendarDays(0))
            {
                Reminders = reader.List("reminders", required: false, (n, p) => Reminder(n, p, context)),
                Scope = reader.Choice("scope", required: false, Scopes) == "dossier" ? DeadlineScope.Dossier : DeadlineScope.State,
            },
            "cancelDeadline" => new CancelDeadlineAction(reader.RequiredString("deadline")),
            "requireDifferentActor" => new RequireDifferentActorAction(reader.RequiredString("action")),
            "setField" => new SetDossierFieldAction(reader.RequiredString("field"), reader.RequiredString("ruleSet"), reader.RequiredString("output"), AsOf(reader, required: false, AsOfKind.Today)),
            "setFact" => new SetFactAction(reader.RequiredString("fact"), reader.RequiredString("from")),
            "recordDecision" => new RecordDecisionAction(reader.Choice("decision", required: true, DecisionKinds) ?? string.Empty, reader.OptionalString("ruleSet")),
            "issueDocument" => new IssueDocumentAction(reader.RequiredString("document"), reader.RequiredString("template")),
            _ => new ScheduleInstalmentAction(reader.RequiredString("instalment"), reader.RequiredString("ruleSet"), reader.RequiredString("output"))
            {
                Due = Duration(reader, "due", required: false),
                AsOf = AsOf(reader, required: false, AsOfKind.Decided),
            },
        };
    }

    private static AsOfKind AsOf(ObjectReader reader, bool required, AsOfKind fallback) =>
        reader.Choice("asOf", required, DefinitionBinder.AsOfKinds) is { } text ? DefinitionBinder.ParseAsOf(text) : fallback;

    private static ReminderDefinition? Reminder(PositionedNode node, string path, BindContext context)
    {
        var reader = context.AsObject(node, path, ReminderProperties);
        if (reader is null)
        {
            return null;
        }

        var before = Duration(reader, "before", required: true) ?? DeadlineDuration.CalendarDays(0);
        return new ReminderDefinition(before, reader.RequiredString("template"), reader.StringList("to", required: true));
    }

    private static DeadlineDuration? Duration(ObjectReader owner, string name, bool required)
    {
        var node = required ? owner.Required(name) : owner.Get(name);
        return node is null ? null : DurationBinder.Bind(node, owner.PathOf(name), owner.Context);
    }
}
