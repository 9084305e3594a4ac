namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// Someone else changed the dossier between the moment it was read and the moment this action was saved. Nothing of
/// this action was written; the person reloads the dossier and decides again (HTTP 409).
/// </summary>
public sealed class DossierConflictException(string reference, string message) : Exception(message)
{
    public string Reference { get; } = reference;
}
