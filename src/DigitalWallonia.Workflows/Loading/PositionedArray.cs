using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

internal sealed class PositionedArray(SourcePosition position, IReadOnlyList<PositionedNode> items) : PositionedNode(position)
{
    public IReadOnlyList<PositionedNode> Items { get; } = items;

    public override string Describe() => "an array";
}
