namespace DigitalWallonia.Rules;

/// <summary>
/// One problem found in a rule set or an expression. <see cref="Code"/> is stable (DW1xxx) and safe to match on;
/// <see cref="Message"/> is for people. Line and column start at 1; columns count UTF-16 characters; 0 means "not known".
/// For an error inside an expression, the position is in the rule-set file, mapped through JSON string escapes.
/// </summary>
public sealed record Diagnostic(string Code, string Message, int Line, int Column)
{
    /// <summary>The file the position refers to, when known.</summary>
    public string? File { get; init; }

    /// <summary>The rule (or parameter, output, test) the problem belongs to, when it belongs to one.</summary>
    public string? RuleName { get; init; }

    /// <summary>JSON path of the offending node, e.g. <c>Rules[3].Expression</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Renders <c>FILE:LINE:COL: CODE message</c> (the CLI contract form).</summary>
    public override string ToString()
        => $"{File ?? "<input>"}:{Line}:{Column}: {Code} {Message}";
}
