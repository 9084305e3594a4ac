using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// Between what a form holds and an action's typed input (docs/workflows.md, "Action input"). Towards the input it only
/// converts: a number typed "1 250,50" becomes 1250.50, a date's three parts 2026-03-27, a file its descriptor; what does
/// not convert is passed on as the text typed, so that the runtime's own check refuses it and says why. Nothing here
/// decides what is valid: the runtime does, once, for the API and the pages alike.
/// </summary>
internal static class InputJson
{
    public static Dictionary<string, JsonElement> ToInput(IEnumerable<FormNode> nodes)
    {
        var input = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (ToJson(node) is { } value)
            {
                input[node.Field.Key] = JsonSerializer.SerializeToElement(value);
            }
        }

        return input;
    }

    /// <summary>The value of <paramref name="node"/>, or null when nothing was given (the field is then left out).</summary>
    private static JsonNode? ToJson(FormNode node)
    {
        var field = node.Field;
        switch (field.Type)
        {
            case InputFieldType.Object:
                if (!field.Required && node.IsBlank)
                {
                    return null;
                }

                var result = new JsonObject();
                foreach (var child in node.Children)
                {
                    if (ToJson(child) is { } value)
                    {
                        result[child.Field.Key] = value;
                    }
                }

                return result;
            case InputFieldType.List:
                return node.Items.Count == 0 ? null : new JsonArray([.. node.Items.Select(ItemJson)]);
            case InputFieldType.Date:
                return DateJson(node);
            case InputFieldType.Document:
                return DocumentJson(node);
        }

        var text = node.Value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return field.Type switch
        {
            InputFieldType.LongText => JsonValue.Create(node.Value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()),
            InputFieldType.Money or InputFieldType.Decimal or InputFieldType.Integer =>
                TryParseNumber(text, out var number) ? JsonValue.Create(number) : JsonValue.Create(text),
            InputFieldType.Boolean => text switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => JsonValue.Create(text),
            },
            // Stored as the register writes it: ten digits, whatever dots, spaces or BE prefix were typed.
            InputFieldType.EnterpriseNumber => JsonValue.Create(EnterpriseNumber.TryParse(text, out var number, out _) ? number.Digits : text),
            _ => JsonValue.Create(text),
        };
    }

    // An item of a list is always given (an empty row was dropped before); an object item is an object even when empty.
    private static JsonNode? ItemJson(FormNode item) =>
        item.Field.Type == InputFieldType.Object && ToJson(item) is null ? new JsonObject() : ToJson(item);

    private static JsonValue? DateJson(FormNode node)
    {
        var parts = FormNode.DateParts.Select(p => node.Parts.GetValueOrDefault(p)?.Trim() ?? string.Empty).ToArray();
        if (parts.All(p => p.Length == 0))
        {
            return null;
        }

        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return JsonValue.Create(new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return JsonValue.Create($"{parts[2]}-{parts[1]}-{parts[0]}");
    }

    // The file chosen now; else the stored document the form carried along (one with an id); else nothing.
    private static JsonObject? DocumentJson(FormNode node)
    {
        if (node.File is { } file)
        {
            return new JsonObject
            {
                ["name"] = Path.GetFileName(file.FileName),
                ["mediaType"] = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType,
                ["size"] = file.Length,
            };
        }

        if (string.IsNullOrWhiteSpace(node.Parts.GetValueOrDefault("id")))
        {
            return null;
        }

        var kept = new JsonObject();
        foreach (var part in FormNode.DocumentParts.Where(p => !string.IsNullOrEmpty(node.Parts.GetValueOrDefault(p))))
        {
            var text = node.Parts[part];
            kept[part] = part == "size" && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                ? JsonValue.Create(size)
                : JsonValue.Create(text);
        }

        return kept;
    }

    /// <summary>
    /// A number as people type it in French or English: "1 250,50", "1250.50", "1.250,50", "1,250.50". Spaces of any kind are
    /// group separators; of a comma and a dot, the last one is the decimal separator; a lone comma is one too.
    /// </summary>
    public static bool TryParseNumber(string text, out decimal number)
    {
        var compact = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '\'')]);
        var comma = compact.LastIndexOf(',');
        var dot = compact.LastIndexOf('.');
        var normalised = comma > dot
            ? compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
            : compact.Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Fills <paramref name="node"/> from a value of the typed input (to show a form already filled in).</summary>
    public static void Fill(FormNode node, JsonElement value)
    {
        var field = node.Field;
        switch (field.Type)
        {
            case InputFieldType.Object when value.ValueKind == JsonValueKind.Object:
                foreach (var child in node.Children)
                {
                    if (value.TryGetProperty(child.Field.Key, out var childValue))
                    {
                        Fill(child, childValue);
                    }
                }

                return;
            case InputFieldType.List when value.ValueKind == JsonValueKind.Array && field.Item is { } item:
                foreach (var element in value.EnumerateArray())
                {
                    var row = FormNode.Blank(item);
                    Fill(row, element);
                    node.Items.Add(row);
                }

                return;
            case InputFieldType.Date when value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                node.Parts["day"] = date.Day.ToString(CultureInfo.InvariantCulture);
                node.Parts["month"] = date.Month.ToString(CultureInfo.InvariantCulture);
                node.Parts["year"] = date.Year.ToString(CultureInfo.InvariantCulture);
                return;
            case InputFieldType.Document when value.ValueKind == JsonValueKind.Object:
                foreach (var part in FormNode.DocumentParts)
                {
                    if (value.TryGetProperty(part, out var partValue))
                    {
                        node.Parts[part] = partValue.ValueKind == JsonValueKind.String ? partValue.GetString()! : partValue.GetRawText();
                    }
                }

                return;
        }

        node.Parts[""] = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!, // a string's text is never null
            // Shown the way the person would type it: 1250,5 in French.
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number.ToString(CultureInfo.CurrentCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            _ => value.GetRawText(),
        };
    }
}
