using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// Where each node of a loaded definition was written, by JSON path with canonical property names
/// (<c>transitions[3].to</c>). A path not in the file (a missing property) maps to its nearest written ancestor.
/// </summary>
public sealed class DefinitionSourceMap
{
    private readonly IReadOnlyDictionary<string, SourcePosition> _positions;

    private readonly IReadOnlyDictionary<object, string> _paths;

    internal DefinitionSourceMap(string? file, IReadOnlyDictionary<string, SourcePosition> positions, IReadOnlyDictionary<object, string> paths)
    {
        File = file;
        _positions = positions;
        _paths = paths;
    }

    /// <summary>A map for definitions built in code: every position is <see cref="SourcePosition.None"/>.</summary>
    public static DefinitionSourceMap Empty { get; } = new(null, new Dictionary<string, SourcePosition>(), new Dictionary<object, string>());

    /// <summary>The path a model node (state, transition, action, reminder) was read from, or <paramref name="fallback"/>.</summary>
    public string PathOf(object node, string fallback)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _paths.TryGetValue(node, out var path) ? path : fallback;
    }

    public string? File { get; }

    /// <summary>Whether <paramref name="path"/> was written in the file (false for every path of a definition built in code).</summary>
    internal bool IsWritten(string path) => _positions.ContainsKey(path);

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
