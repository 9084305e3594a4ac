namespace DigitalWallonia.Rules;

/// <summary>
/// Why a condition came out as it did: the sub-expression, its outcome, a sentence in French and in English with the
/// values seen (e.g. "company.employees = 312, attendu &lt; 250"), and the conditions that decided it.
/// </summary>
public sealed record Explanation(string Expression, bool? Outcome, string Fr, string En, IReadOnlyList<Explanation> Children);
