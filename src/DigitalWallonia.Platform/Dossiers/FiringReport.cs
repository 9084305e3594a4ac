using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>What happened when a trigger was fired on a dossier: the state it is in now, or why nothing happened.</summary>
public sealed record FiringReport(string Reference, string State, Rejection? Rejection)
{
    public bool Accepted => Rejection is null;

    /// <summary>The dossier's <see cref="Dossier.Version"/> now: the one a next action decided on this state expects.</summary>
    public long Version { get; init; }
}
