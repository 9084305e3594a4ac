using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

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
