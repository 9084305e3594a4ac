using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules;

/// <summary>A parameter value used by an evaluation: name, value, the date it holds from, and its legal basis.</summary>
public sealed record ParameterUse(string Name, JsonNode? Value, DateOnly ValidFrom, LegalBasis? LegalBasis);
