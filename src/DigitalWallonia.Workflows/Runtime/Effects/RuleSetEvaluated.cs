namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Store an evaluation snapshot: the request (rule set, as-of date, facts, input) and the outcome (version, results, outputs, explanation).</summary>
public sealed record RuleSetEvaluated(GuardRequest Request, GuardOutcome Outcome, EvaluationPurpose Purpose) : WorkflowEffect;
