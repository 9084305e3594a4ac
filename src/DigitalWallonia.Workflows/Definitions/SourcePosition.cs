namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// A place in a source file. Line and column start at 1; columns count UTF-16 characters.
/// <see cref="None"/> (0, 0) marks a node built in code rather than read from a file.
/// </summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None => default;

    public bool IsKnown => Line > 0;

    public override string ToString() => $"{Line}:{Column}";
}
