using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Tests.Forms;

/// <summary>
/// A valid typed input for any declaration, every optional field given too (so every control is exercised): what a
/// person fills in, and what the form must give back.
/// </summary>
internal static class SampleInput
{
    public static JsonObject For(IReadOnlyList<InputField> fields)
    {
        var input = new JsonObject();
        foreach (var field in fields)
        {
            input[field.Key] = Value(field);
        }

        return input;
    }

    private static JsonNode Value(InputField field) => field.Type switch
    {
        InputFieldType.Text => Text(field, ["Audit de sécurité", "2.123.456.789", "M1.2", "2026-Q1", "A1"]),
        InputFieldType.LongText => Text(field, ["Première ligne\nseconde ligne"]),
        InputFieldType.Email => JsonValue.Create("claire.dubois@example.be"),
        InputFieldType.Money => JsonValue.Create(Clamp(field, 1250.5m)),
        InputFieldType.Decimal => JsonValue.Create(Clamp(field, field.Max is <= 1 ? 0.25m : 12.5m)),
        InputFieldType.Integer => JsonValue.Create(Clamp(field, 12m)),
        InputFieldType.Date => JsonValue.Create("2026-03-27"),
        InputFieldType.Boolean => JsonValue.Create(true),
        InputFieldType.Choice => JsonValue.Create(field.Options[^1].Value),
        InputFieldType.EnterpriseNumber => JsonValue.Create("0123456749"),
        InputFieldType.Document => new JsonObject { ["name"] = "preuve.pdf", ["mediaType"] = field.MediaTypes[0], ["size"] = 2048 },
        InputFieldType.Object => For(field.Fields),
        InputFieldType.List => new JsonArray([.. Enumerable.Range(0, Math.Max(1, (int)(field.Min ?? 0))).Select(_ => Value(field.Item!))]),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "a type this sample does not know"),
    };

    private static JsonValue Text(InputField field, string[] candidates) =>
        JsonValue.Create(candidates.First(c => (field.MaxLength is not { } max || c.Length <= max)
            && (field.Pattern is not { } pattern || Regex.IsMatch(c, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))));

    private static decimal Clamp(InputField field, decimal value) =>
        Math.Min(Math.Max(value, field.Min ?? decimal.MinValue), field.Max ?? decimal.MaxValue);
}
