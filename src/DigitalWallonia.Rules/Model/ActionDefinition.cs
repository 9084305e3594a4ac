namespace DigitalWallonia.Rules.Model;

/// <summary>
/// An OnSuccess/OnFailure action: <c>OutputExpression</c> (an expression) or <c>EvaluateRule</c> (a top-level rule of a
/// workflow of the same file, run on the caller's inputs, optionally filtered and extended with computed inputs).
/// </summary>
internal sealed record ActionDefinition(string Name, ExpressionSource? Expression, string? WorkflowName, string? RuleName)
{
    /// <summary>EvaluateRule: names of the caller's inputs passed on (<c>inputFilter</c>); null passes them all.</summary>
    public IReadOnlyList<string>? InputFilter { get; init; }

    /// <summary>EvaluateRule: inputs computed in the caller's scope and added to those passed on (<c>additionalInputs</c>).</summary>
    public IReadOnlyList<ScopedParamDefinition> AdditionalInputs { get; init; } = [];

    /// <summary>The action object in the file, for positions.</summary>
    public SourceNode? Node { get; init; }

    public bool IsEvaluateRule => Name == "EvaluateRule";
}
