using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

internal sealed record PositionedProperty(string Name, SourcePosition NamePosition, PositionedNode Value);
