using System.Text.Json.Nodes;

namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>One declared field type of a template model: a scalar, an object with named fields, or an array of items.</summary>
public sealed record ModelType
{
    public required ModelKind Kind { get; init; }

    /// <summary>The fields of an object (ordinal names); empty for other kinds.</summary>
    public IReadOnlyDictionary<string, ModelType> Fields { get; init; } = new Dictionary<string, ModelType>(StringComparer.Ordinal);

    /// <summary>The item type of an array; null for other kinds.</summary>
    public ModelType? Items { get; init; }

    /// <summary>An optional field may be absent or null in the model JSON; guard it with <c>{{#if}}</c> where that matters.</summary>
    public bool Optional { get; init; }

    /// <summary>A sample value for previews; a default per kind when not declared.</summary>
    public JsonNode? Example { get; init; }

    public string Describe() => Kind switch
    {
        ModelKind.Object => "an object",
        ModelKind.Array => "a list",
        ModelKind.Money => "an amount",
        ModelKind.Date => "a date",
        ModelKind.Boolean => "a boolean",
        ModelKind.Number => "a number",
        _ => "a string",
    };
}
