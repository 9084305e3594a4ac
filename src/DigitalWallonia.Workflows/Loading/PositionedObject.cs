using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

internal sealed class PositionedObject(SourcePosition position, IReadOnlyList<PositionedProperty> properties) : PositionedNode(position)
{
    public IReadOnlyList<PositionedProperty> Properties { get; } = properties;

    public override string Describe() => "an object";
}
