using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Workspace;

/// <summary>One line of the dossier's timeline: an audit event in words, with the values an action was given.</summary>
public sealed record TimelineEntry(long Sequence, DateTimeOffset At, string Who, string What, IReadOnlyList<(string Field, string Value)> Input);

/// <summary>Puts a dossier's audit events into words for its page, joining each step to the input its action was given.</summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineEntry> Of(DossierFile file) => Of(file, file.AuditEvents.Where(e => e.Kind != InternalNotes.AuditKind));

    public static IReadOnlyList<TimelineEntry> Of(DossierFile file, IEnumerable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(file);
        var language = WorkspaceText.Language;
        // Steps are joined to history entries of the same transition, in order.
        var steps = file.History.GroupBy(h => (h.TransitionId, h.FromState, h.ToState))
            .ToDictionary(g => g.Key, g => new Queue<DossierHistoryEntry>(g.OrderBy(h => h.Sequence)));
        var entries = new List<TimelineEntry>();
        foreach (var e in events)
        {
            var payload = JsonNode.Parse(e.Payload) as JsonObject ?? [];
            var personal = e.PersonalData is null ? [] : JsonNode.Parse(e.PersonalData) as JsonObject ?? [];
            var who = e.ActorSubject == "system" ? WorkspaceText.T("timeline.system") : Text(personal["actor"]) ?? e.ActorSubject;
            var input = new List<(string, string)>();
            string what;
            if (e.Kind is "transition" or "started")
            {
                var from = Text(payload["from"]);
                var to = Text(payload["to"]) ?? "";
                var transitionId = Text(payload["transition"]) ?? "";
                var transition = file.Definition.Transitions.FirstOrDefault(t => t.Id == transitionId);
                var name = transition is null ? e.Kind : TransitionName(transition, language);
                what = WorkspaceText.T("timeline.transition", name, StateLabel(file.Definition, from ?? "", language), StateLabel(file.Definition, to, language));
                if (from is not null && steps.TryGetValue((transitionId, from, to), out var queue) && queue.TryDequeue(out var step))
                {
                    input.AddRange(InputValues(step, transition));
                }
            }
            else
            {
                what = Describe(e.Kind, payload, personal);
            }

            entries.Add(new TimelineEntry(e.Sequence, e.OccurredAt, who, what, input));
        }

        return entries;
    }

    public static string StateLabel(WorkflowDefinition definition, string state, string language) =>
        definition.TryGetState(state, out var s) && s.Labels.Get(language) is { Length: > 0 } label ? label : state;

    public static string TransitionName(TransitionDefinition transition, string language) =>
        transition.Labels.Get(language) is { Length: > 0 } label ? label : transition.Trigger.Describe();

    private static IEnumerable<(string, string)> InputValues(DossierHistoryEntry step, TransitionDefinition? transition)
    {
        var fields = (transition?.Trigger as ActorActionTrigger)?.Input ?? [];
        foreach (var json in new[] { step.InputJson, step.PersonalInputJson })
        {
            if (json is null || JsonNode.Parse(json) is not JsonObject values)
            {
                continue;
            }

            foreach (var (key, value) in values)
            {
                var label = fields.FirstOrDefault(f => f.Key == key)?.Label.Get(WorkspaceText.Language) is { Length: > 0 } l ? l : key;
                yield return (label, Display(value));
            }
        }
    }

    private static string Describe(string kind, JsonObject payload, JsonObject personal)
    {
        switch (kind)
        {
            case "fact-verified":
                var corrected = payload["corrected"]?.GetValue<bool>() == true;
                var reason = Text(payload["reason"]) ?? "";
                return corrected
                    ? WorkspaceText.T("audit.fact-corrected", Text(payload["fact"]), Display(payload["before"]), Display(payload["after"]), reason)
                    : WorkspaceText.T("audit.fact-confirmed", Text(payload["fact"]), Display(payload["before"]), reason);
            case Assignments.AuditKind:
                var change = Text(payload["change"]) ?? "";
                return WorkspaceText.T($"audit.assignment.{change}", Text(personal["fromName"]) ?? "—", Text(personal["toName"]) ?? "—", Text(personal["reason"]) ?? "—");
            default:
                var detail = string.Join(", ", payload.Where(p => p.Value is JsonValue).Select(p => $"{p.Key}: {Display(p.Value)}"));
                return detail.Length == 0 ? kind : $"{kind} ({detail})";
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    /// <summary>A value for people: text as it is, numbers in the page's culture, yes/no, lists and objects as compact JSON.</summary>
    public static string Display(JsonNode? value) => value switch
    {
        null => "—",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? (Shared.Ui.IsEnglish ? "yes" : "oui") : (Shared.Ui.IsEnglish ? "no" : "non"),
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString("#,##0.##", CultureInfo.CurrentCulture),
        _ => value.ToJsonString(Readable),
    };

    // Razor encodes the page's text: the JSON need not escape accents too (Liège, not Li\u00E8ge).
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
