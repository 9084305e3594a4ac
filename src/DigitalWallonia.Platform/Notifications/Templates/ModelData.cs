using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Turns a model's JSON into what Handlebars.Net walks (dictionaries, lists, decimals, strings, booleans), checking it
/// against the declared model on the way: a required field that is missing or a value of the wrong type is a problem,
/// fields the model does not declare are ignored.
/// </summary>
internal static class ModelData
{
    public static object? Convert(JsonNode? json, ModelType type, List<string> problems) => Convert(json, type, "$", problems);

    /// <summary>A sample model built from the declared examples, for previews and tests.</summary>
    public static JsonNode? Example(ModelType type, string name = "value")
    {
        if (type.Example is not null)
        {
            return type.Example.DeepClone();
        }

        return type.Kind switch
        {
            ModelKind.Object => new JsonObject(type.Fields.Select(f => KeyValuePair.Create(f.Key, Example(f.Value, f.Key)))),
            ModelKind.Array => new JsonArray(Example(type.Items!, name), Example(type.Items!, name)),
            ModelKind.Money => JsonValue.Create(1234.56m),
            ModelKind.Number => JsonValue.Create(3),
            ModelKind.Date => JsonValue.Create("2026-03-31"),
            ModelKind.Boolean => JsonValue.Create(true),
            _ => JsonValue.Create($"[{name}]"),
        };
    }

    private static object? Convert(JsonNode? json, ModelType type, string path, List<string> problems)
    {
        if (json is null)
        {
            if (!type.Optional && path != "$")
            {
                problems.Add($"{path} is missing");
            }

            return null;
        }

        switch (type.Kind)
        {
            case ModelKind.Object when json is JsonObject obj:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (name, fieldType) in type.Fields)
                {
                    result[name] = Convert(obj[name], fieldType, $"{path}.{name}", problems);
                }

                return result;
            case ModelKind.Array when json is JsonArray array:
                return array.Select((item, i) => Convert(item, type.Items!, $"{path}[{i}]", problems)).ToList();
            case ModelKind.Money or ModelKind.Number when json is JsonValue v && v.GetValueKind() == JsonValueKind.Number:
                return v.GetValue<decimal>();
            case ModelKind.Boolean when json is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return v.GetValue<bool>();
            case ModelKind.Date when json is JsonValue v && v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                if (!LocalFormats.TryReadDate(text, out _))
                {
                    problems.Add($"{path} is '{text}', not a date (yyyy-MM-dd or an ISO 8601 instant)");
                }

                return text;
            case ModelKind.String when json is JsonValue v:
                return v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : System.Convert.ToString(v.ToJsonString(), CultureInfo.InvariantCulture);
            default:
                problems.Add($"{path} should be {type.Describe()}, not {json.GetValueKind().ToString().ToLowerInvariant()}");
                return null;
        }
    }
}
