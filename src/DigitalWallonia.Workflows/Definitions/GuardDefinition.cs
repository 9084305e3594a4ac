namespace DigitalWallonia.Workflows.Definitions;

/// <summary>A transition's condition: rule set <see cref="RuleSet"/> evaluated as of <see cref="AsOf"/> must satisfy <see cref="When"/>.</summary>
public sealed record GuardDefinition(string RuleSet, AsOfKind AsOf, GuardCondition When);
