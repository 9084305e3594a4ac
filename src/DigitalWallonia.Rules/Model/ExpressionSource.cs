namespace DigitalWallonia.Rules.Model;

/// <summary>An expression's text and where it came from, to map diagnostics to <c>FILE:LINE:COL</c>.</summary>
internal sealed record ExpressionSource(string Text, SourceNode? Node, string Path)
{
    public Diagnostic ToDiagnostic(Syntax.ExpressionDiagnostic d, string? ruleName)
    {
        var (line, column) = Node is null ? (0, 0) : Node.PositionOf(d.Start);
        return new Diagnostic(d.Code, d.Message, line, column) { File = Node?.File.Path, RuleName = ruleName, Path = Path };
    }
}
