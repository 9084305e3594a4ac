namespace DigitalWallonia.Rules;

/// <summary>How a rule ended, with RulesEngine's vocabulary (the CLI prints these in camelCase).</summary>
public enum RuleStatus
{
    Success,
    Failure,

    /// <summary>The expression has a syntax or type error (for this input's shape).</summary>
    ParseError,

    /// <summary>A LocalParam of the rule has a syntax or type error.</summary>
    CompileError,

    /// <summary>The rule failed while running: bad number text, First on an empty list, overflow, division by zero.</summary>
    RuntimeError,
}
