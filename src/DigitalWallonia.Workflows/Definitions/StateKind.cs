namespace DigitalWallonia.Workflows.Definitions;

/// <summary>Where a state sits in the life of a dossier: exactly one initial state; final states end the workflow.</summary>
public enum StateKind
{
    Normal,
    Initial,
    Final,
}
