namespace DigitalWallonia.Workflows.Definitions;

/// <summary>One answer of a <see cref="InputFieldType.Choice"/> field: the stored <see cref="Value"/> and its label per culture.</summary>
public sealed record InputOption(string Value, LocalizedText Label);
