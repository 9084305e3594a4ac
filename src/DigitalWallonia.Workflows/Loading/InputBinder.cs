using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// Binds an action trigger's <c>input</c>: one object per field. Whether a constraint suits the field's type is the
/// validator's question (<see cref="InputChecks"/>); here each property is only read with its position.
/// </summary>
internal static class InputBinder
{
    private static readonly string[] FieldProperties =
        ["key", "type", "label", "help", "required", "personal", "min", "max", "maxLength", "pattern", "options", "mediaTypes", "maxSize", "fields", "item"];

    private static readonly string[] OptionProperties = ["value", "label"];

    /// <summary>The type names as written in files, in the order of <see cref="InputFieldType"/>.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = [.. Enum.GetNames<InputFieldType>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])];

    public static string NameOf(InputFieldType type) => TypeNames[(int)type];

    public static InputField? Bind(PositionedNode node, string path, BindContext context) => Bind(node, path, context, isItem: false);

    // A list's item is named by its list and labelled by it, so it needs neither key nor label.
    private static InputField? Bind(PositionedNode node, string path, BindContext context, bool isItem)
    {
        if (node is PositionedValue { Kind: JsonValueKind.String } name)
        {
            // The form before typed inputs: a bare name says nothing a form or the runtime could check.
            context.Error(DiagnosticMessages.WrongType, DiagnosticMessages.InputFieldNameOnly(name.Text), path, node.Position);
            return null;
        }

        var reader = context.AsObject(node, path, FieldProperties);
        if (reader is null)
        {
            return null;
        }

        var key = isItem ? reader.OptionalString("key") ?? "item" : reader.RequiredString("key");
        var typeText = reader.RequiredString("type");
        var typeIndex = TypeNames.ToList().FindIndex(t => t.Equals(typeText, StringComparison.OrdinalIgnoreCase));
        if (typeText.Length > 0 && typeIndex < 0)
        {
            context.Error(DiagnosticMessages.UnknownInputType, DiagnosticMessages.NoSuchInputType(typeText, TypeNames), reader.PathOf("type"), reader.Get("type")?.Position ?? node.Position);
        }

        return new InputField(key, typeIndex < 0 ? InputFieldType.Text : (InputFieldType)typeIndex)
        {
            Label = reader.Text("label", required: !isItem, requireFrench: true),
            Help = reader.Text("help", required: false, requireFrench: true),
            Required = reader.OptionalBool("required") ?? true,
            Personal = reader.OptionalBool("personal") ?? false,
            Min = reader.OptionalDecimal("min"),
            Max = reader.OptionalDecimal("max"),
            MaxLength = reader.OptionalInt("maxLength", 1, int.MaxValue),
            Pattern = reader.OptionalString("pattern"),
            Options = reader.List("options", required: false, (n, p) => Option(n, p, context)),
            MediaTypes = reader.StringList("mediaTypes"),
            MaxSize = reader.OptionalInt("maxSize", 1, int.MaxValue),
            Fields = reader.List("fields", required: false, (n, p) => Bind(n, p, context)),
            Item = reader.Get("item") is { } item ? Bind(item, reader.PathOf("item"), context, isItem: true) : null,
        };
    }

    private static InputOption? Option(PositionedNode node, string path, BindContext context)
    {
        var reader = context.AsObject(node, path, OptionProperties);
        return reader is null ? null : new InputOption(reader.RequiredString("value"), reader.Text("label", required: true, requireFrench: true));
    }
}
