using System.Text.Json.Nodes;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Web.Workspace;

/// <summary>One stored fact as the dossier page lists it: its path, label, value and where it came from.</summary>
public sealed record FactLine(string Path, string Label, JsonNode? Value, FactProvenance? Source)
{
    /// <summary>A value a party declared (or staff verified before) that staff may verify; never a system-owned fact.</summary>
    public bool Verifiable => Source?.Source is FactSources.Declared or FactSources.Verified && !SystemFacts.Owns(Path);

    /// <summary>A single value (number, text, yes/no) can be corrected in a field; lists and objects are confirmed whole.</summary>
    public bool Correctable => Value is JsonValue;
}

/// <summary>Flattens the dossier's facts into lines, labelled from the input fields that set them (<c>setFact</c>).</summary>
public static class FactLines
{
    public static IReadOnlyList<FactLine> Of(JsonObject facts, IReadOnlyDictionary<string, FactProvenance> sources, WorkflowDefinition definition, string language)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var labels = Labels(definition, language);
        var lines = new List<FactLine>();
        foreach (var (name, value) in facts)
        {
            Flatten(name, value, lines, labels, sources);
        }

        return lines;
    }

    private static void Flatten(string path, JsonNode? value, List<FactLine> lines, Dictionary<string, string> labels, IReadOnlyDictionary<string, FactProvenance> sources)
    {
        if (value is JsonObject obj && obj.Count > 0)
        {
            foreach (var (name, child) in obj)
            {
                Flatten($"{path}.{name}", child, lines, labels, sources);
            }

            return;
        }

        lines.Add(new FactLine(path, labels.GetValueOrDefault(path) ?? path, value, SourceOf(path, sources)));
    }

    // The most specific recorded source: a value replaced whole carries its parts' provenance.
    private static FactProvenance? SourceOf(string path, IReadOnlyDictionary<string, FactProvenance> sources) =>
        sources.Where(s => path == s.Key || path.StartsWith(s.Key + ".", StringComparison.Ordinal))
            .OrderByDescending(s => s.Key.Length).Select(s => s.Value).FirstOrDefault();

    private static Dictionary<string, string> Labels(WorkflowDefinition definition, string language)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var transition in definition.Transitions)
        {
            if (transition.Trigger is not ActorActionTrigger action)
            {
                continue;
            }

            foreach (var set in transition.Actions.OfType<SetFactAction>())
            {
                if (action.Input.FirstOrDefault(f => f.Key == set.From) is { } field)
                {
                    Label(set.Fact, field, labels, language);
                }
            }
        }

        return labels;
    }

    private static void Label(string path, InputField field, Dictionary<string, string> labels, string language)
    {
        var text = field.Label.Get(language);
        if (text.Length > 0)
        {
            labels.TryAdd(path, text);
        }

        foreach (var child in field.Fields)
        {
            Label($"{path}.{child.Key}", child, labels, language);
        }
    }
}
