namespace DigitalWallonia.Rules.Model;

/// <summary>A file's text and its line starts, to turn offsets into 1-based line and column.</summary>
internal sealed class SourceFile
{
    private readonly List<int> _lineStarts = [0];

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Path { get; }

    public string Text { get; }

    public (int Line, int Column) LineColumn(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }
}
