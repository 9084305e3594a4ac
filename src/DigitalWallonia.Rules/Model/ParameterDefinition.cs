namespace DigitalWallonia.Rules.Model;

/// <summary>A dated parameter: values each holding from their ValidFrom until the next one's.</summary>
internal sealed record ParameterDefinition(string Name, TypeSpec Type, string? Unit, IReadOnlyList<ParameterValueDefinition> Values, string Path);
