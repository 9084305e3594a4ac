namespace DigitalWallonia.Workflows.Migration;

/// <summary>What the planner needs of an instance: its key, pinned version, state and open deadline kinds.</summary>
public sealed record MigratingInstance(string InstanceId, string DefinitionId, int Version, string State, IReadOnlyList<string> OpenDeadlines);
