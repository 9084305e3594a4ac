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
