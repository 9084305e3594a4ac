using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Reads <c>templates/{key}.model.json</c>. A field is a type name (<c>"name": "string"</c>) or an object with
/// <c>type</c>, and for objects <c>fields</c>, for arrays <c>items</c>, plus <c>optional</c> and <c>example</c>.
/// </summary>
internal static class ModelFileReader
{
    private static readonly Dictionary<string, ModelKind> Kinds = new(StringComparer.Ordinal)
    {
        ["string"] = ModelKind.String,
        ["number"] = ModelKind.Number,
        ["money"] = ModelKind.Money,
        ["date"] = ModelKind.Date,
        ["boolean"] = ModelKind.Boolean,
        ["object"] = ModelKind.Object,
        ["array"] = ModelKind.Array,
    };

    public static TemplateModel? Read(string key, SourceText source, List<TemplateDiagnostic> diagnostics)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(source.Text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            diagnostics.Add(new TemplateDiagnostic(source.File, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                TemplateMessages.ModelFile, $"not valid JSON: {e.Message.Split(" Path:")[0]}"));
            return null;
        }

        if (root is not JsonObject file || file["fields"] is not JsonObject fields)
        {
            diagnostics.Add(source.Diagnostic(0, TemplateMessages.ModelFile, "a model file is an object with \"fields\" (and an optional \"description\")"));
            return null;
        }

        var count = diagnostics.Count;
        var type = ReadObject(fields, source, "fields", diagnostics);
        return diagnostics.Count > count ? null : new TemplateModel(key, file["description"]?.ToString(), type, source.File);
    }

    private static ModelType ReadObject(JsonObject fields, SourceText source, string path, List<TemplateDiagnostic> diagnostics)
    {
        var result = new Dictionary<string, ModelType>(StringComparer.Ordinal);
        foreach (var (name, node) in fields)
        {
            if (ReadField(name, node, source, $"{path}.{name}", diagnostics) is { } type)
            {
                result[name] = type;
            }
        }

        return new ModelType { Kind = ModelKind.Object, Fields = result };
    }

    private static ModelType? ReadField(string name, JsonNode? node, SourceText source, string path, List<TemplateDiagnostic> diagnostics)
    {
        if (node is JsonValue shorthand && shorthand.TryGetValue<string>(out var typeName))
        {
            return Kinds.TryGetValue(typeName, out var k) && k is not ModelKind.Object and not ModelKind.Array
                ? new ModelType { Kind = k }
                : Bad(typeName);
        }

        if (node is not JsonObject field || field["type"]?.ToString() is not { } declared)
        {
            diagnostics.Add(At(source, $"\"{name}\"", $"field '{path}' needs a \"type\""));
            return null;
        }

        if (!Kinds.TryGetValue(declared, out var kind))
        {
            return Bad(declared);
        }

        var optional = field["optional"] is JsonValue o && o.TryGetValue<bool>(out var isOptional) && isOptional;
        var example = field["example"]?.DeepClone();
        switch (kind)
        {
            case ModelKind.Object when field["fields"] is JsonObject nested:
                return ReadObject(nested, source, path, diagnostics) with { Optional = optional, Example = example };
            case ModelKind.Object:
                diagnostics.Add(At(source, $"\"{name}\"", $"object field '{path}' needs \"fields\""));
                return null;
            case ModelKind.Array when field["items"] is { } items:
                var itemType = ReadField("items", items, source, $"{path}[]", diagnostics);
                return itemType is null ? null : new ModelType { Kind = kind, Items = itemType, Optional = optional, Example = example };
            case ModelKind.Array:
                diagnostics.Add(At(source, $"\"{name}\"", $"array field '{path}' needs \"items\""));
                return null;
            default:
                return new ModelType { Kind = kind, Optional = optional, Example = example };
        }

        ModelType? Bad(string type)
        {
            diagnostics.Add(At(source, $"\"{name}\"", $"field '{path}' has unknown type '{type}'; expected {string.Join(", ", Kinds.Keys)}"));
            return null;
        }
    }

    // JsonNode keeps no positions; the first occurrence of the property name is close enough to find the line.
    private static TemplateDiagnostic At(SourceText source, string quotedName, string message)
    {
        var offset = source.Text.IndexOf(quotedName, StringComparison.Ordinal);
        return source.Diagnostic(Math.Max(offset, 0), TemplateMessages.ModelFile, message);
    }
}
