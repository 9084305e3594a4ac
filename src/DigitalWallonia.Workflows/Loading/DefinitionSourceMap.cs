using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// Where each node of a loaded definition was written, by JSON path with canonical property names
/// (<c>transitions[3].to</c>). A path not in the file (a missing property) maps to its nearest written ancestor.
/// </summary>
public sealed class DefinitionSourceMap
{
    private readonly IReadOnlyDictionary<string, SourcePosition> _positions;

    internal DefinitionSourceMap(string? file, IReadOnlyDictionary<string, SourcePosition> positions)
    {
        File = file;
        _positions = positions;
    }

    /// <summary>A map for definitions built in code: every position is <see cref="SourcePosition.None"/>.</summary>
    public static DefinitionSourceMap Empty { get; } = new(null, new Dictionary<string, SourcePosition>());

    public string? File { get; }

    public SourcePosition PositionOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = path;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return SourcePosition.None;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut > 0 ? current[..cut] : string.Empty;
        }
    }
}
