namespace DigitalWallonia.Workflows.Runtime;

/// <summary>The scheduler found the open deadline of kind <see cref="DeadlineKind"/> due.</summary>
public sealed record TimerFired(string DeadlineKind) : WorkflowTrigger;
