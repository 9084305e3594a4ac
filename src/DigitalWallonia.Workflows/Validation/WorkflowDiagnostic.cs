using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// A problem found in a definition file. <see cref="Code"/> is stable (<c>DW2xxx</c>, listed in docs/workflows.md);
/// <see cref="Path"/> is the JSON path of the node (<c>transitions[3].to</c>); <see cref="Position"/> is 1-based with
/// columns in UTF-16 characters, or <see cref="SourcePosition.None"/> for a definition built in code.
/// </summary>
public sealed record WorkflowDiagnostic(string Code, DiagnosticSeverity Severity, string Message, string Path, SourcePosition Position)
{
    /// <summary>The file the diagnostic is about, when known.</summary>
    public string? File { get; init; }

    /// <summary><c>FILE:LINE:COL: CODE: message (path)</c>, the form editors and the CLI understand.</summary>
    public override string ToString()
    {
        var where = File ?? "<definition>";
        var at = Position.IsKnown ? $"{where}:{Position.Line}:{Position.Column}" : where;
        var path = Path.Length > 0 ? $" ({Path})" : string.Empty;
        var severity = Severity == DiagnosticSeverity.Warning ? "warning " : string.Empty;
        return $"{at}: {severity}{Code}: {Message}{path}";
    }
}
