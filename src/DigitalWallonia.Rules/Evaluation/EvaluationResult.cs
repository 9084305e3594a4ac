using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules;

/// <summary>
/// The outcome of evaluating one rule-set version as of a date: per-rule results (top level, in order), whether all
/// passed, their success events, the outputs (computed only when all passed), and the versions used.
/// </summary>
public sealed record EvaluationResult
{
    public required string RuleSetName { get; init; }

    /// <summary>The version evaluated.</summary>
    public required int Version { get; init; }

    public required DateOnly AsOf { get; init; }

    public IReadOnlyList<RuleResult> Results { get; init; } = [];

    /// <summary>True when every enabled top-level rule succeeded.</summary>
    public bool Passed => InputError is null && Results.All(r => r.IsSuccess);

    public IReadOnlyList<string> SuccessEvents => Results.Where(r => r.IsSuccess && r.SuccessEvent is not null).Select(r => r.SuccessEvent!).ToList();

    /// <summary>Named outputs (amounts, rates), present when <see cref="Passed"/>.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Outputs { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Each parameter used with the value in force and the ValidFrom of that value.</summary>
    public IReadOnlyList<ParameterUse> Parameters { get; init; } = [];

    /// <summary>Set when the input could not be read or does not match the schema; then there are no results.</summary>
    public string? InputError { get; init; }
}
