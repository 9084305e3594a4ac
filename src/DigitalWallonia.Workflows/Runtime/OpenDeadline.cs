using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>A deadline not yet fired or cancelled: its kind, the state it was created for and how long it lives.</summary>
public sealed record OpenDeadline(string Kind, string State, DeadlineScope Scope = DeadlineScope.State);
