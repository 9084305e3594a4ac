using System.Text;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Graph;

/// <summary>
/// Draws a definition as a Mermaid <c>stateDiagram-v2</c>: states with their label in one culture, transitions labelled
/// with their trigger, roles and guard. Mermaid ids allow only letters, digits and underscores, so ids are rewritten and
/// labels carry the real names.
/// </summary>
public static class MermaidRenderer
{
    /// <summary>The diagram; <paramref name="current"/>, when given, is the state drawn highlighted (a dossier's state).</summary>
    public static string Render(WorkflowDefinition definition, string culture = "fr", string? current = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var ids = MermaidIds(definition);
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(Escape(definition.Title.Get(culture))).Append(" (").Append(definition.Id).Append(" v").Append(definition.Version).Append(")\n---\n");
        text.Append("stateDiagram-v2\n");
        foreach (var state in definition.States)
        {
            var label = state.Labels.Get(culture);
            text.Append("    state \"").Append(Escape(label.Length > 0 ? label : state.Id)).Append("\" as ").Append(ids[state.Id]).Append('\n');
        }

        if (definition.InitialState is { } initial)
        {
            text.Append("    [*] --> ").Append(ids[initial.Id]).Append('\n');
        }

        foreach (var transition in definition.Transitions)
        {
            if (!ids.TryGetValue(transition.From, out var from) || !ids.TryGetValue(transition.To, out var to))
            {
                continue;
            }

            text.Append("    ").Append(from).Append(" --> ").Append(to).Append(" : ").Append(Escape(Label(definition, transition))).Append('\n');
        }

        foreach (var state in definition.States.Where(s => s.Kind == StateKind.Final))
        {
            text.Append("    ").Append(ids[state.Id]).Append(" --> [*]\n");
        }

        if (current is not null && ids.TryGetValue(current, out var here))
        {
            text.Append("    classDef current fill:#a6192e,color:#ffffff,stroke:#0b0c0c,stroke-width:3px,font-weight:bold\n");
            text.Append("    class ").Append(here).Append(" current\n");
        }

        return text.ToString();
    }

    private static string Label(WorkflowDefinition definition, TransitionDefinition transition)
    {
        var label = new StringBuilder(transition.Trigger.Describe());
        if (transition.Trigger is ActorActionTrigger action)
        {
            var roles = action.Roles.Count > 0 ? action.Roles : definition.TryGetState(transition.From, out var s) ? s.Roles : [];
            if (roles.Count > 0)
            {
                label.Append(" (").Append(string.Join(", ", roles)).Append(')');
            }
        }

        if (transition.Guard is { } guard)
        {
            label.Append(" [").Append(guard.RuleSet).Append(' ').Append(guard.When).Append(']');
        }

        return label.ToString();
    }

    private static Dictionary<string, string> MermaidIds(WorkflowDefinition definition)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in definition.States)
        {
            if (ids.ContainsKey(state.Id))
            {
                continue;
            }

            var baseId = new string([.. state.Id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
            baseId = baseId.Length == 0 || char.IsAsciiDigit(baseId[0]) ? $"s_{baseId}" : baseId;
            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{baseId}_{n}";
            }

            ids[state.Id] = id;
        }

        return ids;
    }

    // Mermaid reads ':' as the label separator, '"' as the end of a quoted name and ';' as a statement end; its entity
    // codes display them instead. One pass, since the codes themselves contain ';'.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "#quot;",
                ':' => "#58;",
                ';' => "#59;",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
