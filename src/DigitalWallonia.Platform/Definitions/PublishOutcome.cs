using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Platform.Definitions;

/// <summary>What publishing a definition did: published it, found it already published unchanged, or refused it.</summary>
public sealed record PublishOutcome(string? WorkflowId, int Version, PublishStatus Status, IReadOnlyList<WorkflowDiagnostic> Diagnostics, string? Error = null);
