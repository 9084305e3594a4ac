using System.Text;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>Turns byte offsets into 1-based line and UTF-16 column, the way editors count.</summary>
internal sealed class LineMap
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts;

    public LineMap(byte[] utf8)
    {
        _utf8 = utf8;

        // A byte order mark is invisible in editors, so the first column starts after it.
        _lineStarts = [utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public SourcePosition At(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, Column(_lineStarts[line], offset));
    }

    /// <summary>For <see cref="System.Text.Json.JsonException"/>, which gives a 0-based line and a byte offset in it.</summary>
    public SourcePosition AtLine(long zeroBasedLine, long bytePositionInLine)
    {
        var line = (int)Math.Clamp(zeroBasedLine, 0, _lineStarts.Count - 1);
        var start = _lineStarts[line];
        var offset = (int)Math.Clamp(start + bytePositionInLine, start, _utf8.Length);
        return new SourcePosition(line + 1, Column(start, offset));
    }

    private int Column(int lineStart, int offset) => Encoding.UTF8.GetCharCount(_utf8, lineStart, offset - lineStart) + 1;
}
