namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// Evaluates rule sets for the runtime. The platform implements it with the rule engine (resolving the rule-set version
/// valid on the as-of date); tests use a table. Must be pure for a given request and version: the runtime may call it
/// for alternatives it then does not take.
/// </summary>
public interface IGuardEvaluator
{
    /// <summary>Evaluates <see cref="GuardRequest.RuleSet"/>; a rule that fails at run time is a failed rule, not an exception.</summary>
    GuardOutcome Evaluate(GuardRequest request);
}
