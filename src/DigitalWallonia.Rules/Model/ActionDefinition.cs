namespace DigitalWallonia.Rules.Model;

/// <summary>An OnSuccess/OnFailure action: <c>OutputExpression</c> (an expression) or <c>EvaluateRule</c> (another workflow's rule).</summary>
internal sealed record ActionDefinition(string Name, ExpressionSource? Expression, string? WorkflowName, string? RuleName);
