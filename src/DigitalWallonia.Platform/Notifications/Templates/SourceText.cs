namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>The text of one file with its line starts, to turn offsets into 1-based line and column.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string file, string text)
    {
        File = file;
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The path shown in diagnostics (relative to the templates folder's parent when loaded from disk).</summary>
    public string File { get; }

    public string Text { get; }

    public (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public TemplateDiagnostic Diagnostic(int offset, string code, string message)
    {
        var (line, column) = Position(offset);
        return new TemplateDiagnostic(File, line, column, code, message);
    }
}
