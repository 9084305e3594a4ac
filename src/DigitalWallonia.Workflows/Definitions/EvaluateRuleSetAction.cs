namespace DigitalWallonia.Workflows.Definitions;

/// <summary><c>evaluate</c>: evaluate rule set <see cref="RuleSet"/> as of <see cref="AsOf"/> and store the evaluation snapshot.</summary>
public sealed record EvaluateRuleSetAction(string RuleSet, AsOfKind AsOf) : WorkflowAction
{
    public override string Type => "evaluate";
}
