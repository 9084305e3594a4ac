namespace DigitalWallonia.Rules.Syntax;

/// <summary>
/// Collects diagnostics found in one expression, with positions relative to the expression text.
/// The loader maps them to file positions afterwards.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<ExpressionDiagnostic> _items = [];

    public IReadOnlyList<ExpressionDiagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Add(string code, string message, int start, int length)
    {
        // Deep recovery can report the same spot twice; once is enough for the author.
        foreach (var d in _items)
        {
            if (d.Start == start && d.Code == code)
            {
                return;
            }
        }

        _items.Add(new ExpressionDiagnostic(code, message, start, length));
    }
}
