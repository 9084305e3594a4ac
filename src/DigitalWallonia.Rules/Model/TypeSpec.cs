namespace DigitalWallonia.Rules.Model;

/// <summary>A declared input or parameter type from the <c>Inputs</c> schema.</summary>
internal sealed record TypeSpec(string Kind, bool Nullable, IReadOnlyList<KeyValuePair<string, TypeSpec>>? Properties, TypeSpec? Items);
