using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules.Model;

/// <summary>An embedded test case: inputs, as-of date, expected outcome per rule and expected outputs.</summary>
internal sealed record TestCaseDefinition(
    string Name,
    DateOnly? AsOf,
    string InputsJson,
    IReadOnlyDictionary<string, bool> ExpectedRules,
    IReadOnlyDictionary<string, JsonNode?> ExpectedOutputs,
    SourceNode Node);
