namespace DigitalWallonia.Rules;

/// <summary>
/// The work one expression may do while it runs (a rule's expression, a parameter, an output, an action): rules come
/// from files that people edit, and a nested <c>Any</c> over large lists or a concatenation that doubles a text can
/// otherwise hold a thread and its memory for as long as it likes. Exceeding a limit is a positioned runtimeError
/// of that rule; the other rules still run. The defaults are far above what the shipped rule sets need.
/// </summary>
public sealed record EvaluationLimits
{
    /// <summary>Items visited by collection methods (Any, All, Count, Where, Select, Sum, Contains...), nested loops counted per inner item.</summary>
    public long MaxIterations { get; init; } = 1_000_000;

    /// <summary>Characters built by concatenation (<c>+</c>) and <c>Replace</c>, summed over the expression.</summary>
    public long MaxTextCharacters { get; init; } = 1_000_000;

    public static EvaluationLimits Default { get; } = new();
}
