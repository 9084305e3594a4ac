using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// A JSON value with the place it starts in the file. System.Text.Json's DOM forgets positions, and every diagnostic
/// must point at its node, so the loader builds this small tree instead.
/// </summary>
internal abstract class PositionedNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>A word for messages: "an object", "a string", ...</summary>
    public abstract string Describe();
}

internal sealed class PositionedObject(SourcePosition position, IReadOnlyList<PositionedProperty> properties) : PositionedNode(position)
{
    public IReadOnlyList<PositionedProperty> Properties { get; } = properties;

    public override string Describe() => "an object";
}

internal sealed record PositionedProperty(string Name, SourcePosition NamePosition, PositionedNode Value);

internal sealed class PositionedArray(SourcePosition position, IReadOnlyList<PositionedNode> items) : PositionedNode(position)
{
    public IReadOnlyList<PositionedNode> Items { get; } = items;

    public override string Describe() => "an array";
}

/// <summary>A string, number, boolean or null.</summary>
internal sealed class PositionedValue(SourcePosition position, JsonValueKind kind, string text) : PositionedNode(position)
{
    public JsonValueKind Kind { get; } = kind;

    /// <summary>The string's value, or a number's literal text, or <c>true</c>/<c>false</c>/<c>null</c>.</summary>
    public string Text { get; } = text;

    public override string Describe() => Kind switch
    {
        JsonValueKind.String => $"the string \"{Text}\"",
        JsonValueKind.Number => $"the number {Text}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {Text}",
        _ => "null",
    };
}
