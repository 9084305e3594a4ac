namespace DigitalWallonia.Platform.Documents;

/// <summary>A stored document's content is missing or no longer matches its SHA-256.</summary>
public sealed class DocumentIntegrityException(string message) : Exception(message);
