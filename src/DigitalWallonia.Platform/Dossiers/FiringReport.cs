using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>What happened when a trigger was fired on a dossier: the state it is in now, or why nothing happened.</summary>
public sealed record FiringReport(string Reference, string State, Rejection? Rejection)
{
    public bool Accepted => Rejection is null;
}
