using System.Globalization;

namespace DigitalWallonia.Rules.Model;

/// <summary>
/// A JSON value read from a rule-set file, with its position. String values also keep, for every decoded character,
/// its offset in the file, so an error at character i of an expression maps back through escapes to the file.
/// </summary>
internal sealed class SourceNode
{
    public required SourceNodeKind Kind { get; init; }

    /// <summary>0-based character offset of the value's first character in the file.</summary>
    public required int Offset { get; init; }

    public required SourceFile File { get; init; }

    public string? Text { get; init; }

    /// <summary>For strings: file offset of each decoded character, plus one entry for the closing quote.</summary>
    public int[]? CharOffsets { get; init; }

    public List<KeyValuePair<string, SourceNode>>? Properties { get; init; }

    public List<SourceNode>? Items { get; init; }

    public (int Line, int Column) Position => File.LineColumn(Offset);

    /// <summary>Position of character <paramref name="index"/> of this string's decoded value.</summary>
    public (int Line, int Column) PositionOf(int index)
    {
        if (CharOffsets is null || CharOffsets.Length == 0)
        {
            return Position;
        }

        return File.LineColumn(CharOffsets[Math.Clamp(index, 0, CharOffsets.Length - 1)]);
    }

    /// <summary>Property lookup ignoring case, as RulesEngine's Newtonsoft loader does.</summary>
    public SourceNode? Get(string name)
    {
        if (Properties is null)
        {
            return null;
        }

        foreach (var p in Properties)
        {
            if (string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    public bool IsNull => Kind == SourceNodeKind.Null;

    public string? AsString() => Kind switch
    {
        SourceNodeKind.String => Text,
        SourceNodeKind.Number => Text,
        SourceNodeKind.True => "true",
        SourceNodeKind.False => "false",
        _ => null,
    };

    public bool? AsBool() => Kind switch
    {
        SourceNodeKind.True => true,
        SourceNodeKind.False => false,
        SourceNodeKind.String when bool.TryParse(Text, out var b) => b,
        _ => null,
    };

    public int? AsInt() => Kind is SourceNodeKind.Number or SourceNodeKind.String
        && int.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
}
