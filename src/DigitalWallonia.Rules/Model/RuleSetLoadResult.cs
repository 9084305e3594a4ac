namespace DigitalWallonia.Rules;

/// <summary>What <see cref="RuleSetLoader"/> read: the rule sets in file order and every diagnostic found.</summary>
public sealed record RuleSetLoadResult(IReadOnlyList<RuleSet> RuleSets, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the file was readable JSON with the rule-set structure (expressions may still have errors).</summary>
    public bool IsStructurallyValid { get; init; } = true;

    public bool HasErrors => Diagnostics.Count > 0;
}
