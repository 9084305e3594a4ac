namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>One name of a path (<c>dossier</c> in <c>dossier.reference</c>) and where it starts in the file.</summary>
internal sealed record HbsSegment(string Name, int Offset);
