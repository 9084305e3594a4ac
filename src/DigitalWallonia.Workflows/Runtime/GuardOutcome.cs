using System.Text.Json;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// The result of evaluating a rule set, as the platform's rule engine reports it: whether every rule passed, each rule's
/// result by name, the success events raised, named outputs (amounts, rates), the exact rule-set version used and the
/// explanation as JSON. Stored as the evaluation snapshot; nothing later re-reads today's data to explain it.
/// </summary>
public sealed record GuardOutcome(bool Passed, string RuleSetVersion)
{
    public IReadOnlyDictionary<string, bool> RuleResults { get; init; } = new Dictionary<string, bool>();

    public IReadOnlyList<string> SuccessEvents { get; init; } = [];

    public IReadOnlyDictionary<string, JsonElement> Outputs { get; init; } = new Dictionary<string, JsonElement>();

    public string ExplanationJson { get; init; } = "{}";
}
