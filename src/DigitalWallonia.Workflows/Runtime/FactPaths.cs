using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>Dotted fact paths (<c>declaration.staff</c>) over facts held by top-level name.</summary>
public static class FactPaths
{
    /// <summary>
    /// Sets the fact at <paramref name="path"/> in <paramref name="facts"/> (by top-level name), creating the objects on
    /// the way; a value on the way that is not an object is replaced by one.
    /// </summary>
    public static void Set(IDictionary<string, JsonElement> facts, string path, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        if (segments.Length == 1)
        {
            facts[path] = value.Clone();
            return;
        }

        var root = facts.TryGetValue(segments[0], out var existing) && JsonNode.Parse(existing.GetRawText()) is JsonObject obj ? obj : [];
        Set(root, segments.AsSpan(1), JsonNode.Parse(value.GetRawText()));
        facts[segments[0]] = JsonSerializer.SerializeToElement(root);
    }

    /// <summary>Sets <paramref name="path"/> in a JSON object (the dossier's stored facts), creating the objects on the way.</summary>
    public static void Set(JsonObject facts, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(path);
        Set(facts, path.Split('.').AsSpan(), value);
    }

    /// <summary>The value at <paramref name="path"/>, or null when a segment is missing.</summary>
    public static JsonNode? Get(JsonObject facts, string path)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? current = facts;
        foreach (var segment in path.Split('.'))
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static void Set(JsonObject target, ReadOnlySpan<string> segments, JsonNode? value)
    {
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (target[segments[i]] is not JsonObject next)
            {
                next = [];
                target[segments[i]] = next;
            }

            target = next;
        }

        target[segments[^1]] = value;
    }
}
