namespace DigitalWallonia.Rules.Binding;

/// <summary>
/// What names mean for one expression: the input shape (null when unknown at check time), the scoped params in
/// scope (later ones shadow earlier ones) and the declared parameters.
/// </summary>
internal sealed record BindEnvironment(
    RType? Inputs,
    IReadOnlyList<ScopeVariable> Scoped,
    IReadOnlyDictionary<string, ScopeVariable> Parameters)
{
    /// <summary>
    /// True for a plain RulesEngine file (no <c>Inputs</c> schema): names of inputs, members, scoped params and methods
    /// resolve in any case, and a member absent from the inferred input shape reads as null, as in RulesEngine.
    /// A typed file keeps exact names and reports an unknown member as a positioned diagnostic (rules-language.md).
    /// </summary>
    public bool Plain { get; init; }

    /// <summary>Where member reads are recorded, when the caller projects inputs by usage.</summary>
    public MemberUsage? Usage { get; init; }

    /// <summary>Read nodes shared with the other expressions of the same compilation, when there are others.</summary>
    public SharedReads? Reads { get; init; }
}
