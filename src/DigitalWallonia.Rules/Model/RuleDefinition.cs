namespace DigitalWallonia.Rules.Model;

/// <summary>One rule as written (RulesEngine's Rule), immutable.</summary>
internal sealed record RuleDefinition
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public ExpressionSource? Expression { get; init; }

    public RuleOperator Operator { get; init; }

    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    public IReadOnlyList<ScopedParamDefinition> LocalParams { get; init; } = [];

    public string? SuccessEvent { get; init; }

    public string? ErrorMessage { get; init; }

    public bool Enabled { get; init; } = true;

    public ActionDefinition? OnSuccess { get; init; }

    public ActionDefinition? OnFailure { get; init; }

    public SourceNode? Node { get; init; }
}
