using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules.Model;

/// <summary>One value of a parameter, valid from <see cref="ValidFrom"/> (inclusive). A null value means "no value from this date".</summary>
internal sealed record ParameterValueDefinition(DateOnly ValidFrom, JsonNode? Value, LegalBasis? LegalBasis);
