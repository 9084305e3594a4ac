namespace DigitalWallonia.Workflows.Runtime;

/// <summary>One transition taken in a firing: the triggered one first, then any automatic ones it chained.</summary>
public sealed record TransitionStep(string TransitionId, string From, string To, string Trigger);
