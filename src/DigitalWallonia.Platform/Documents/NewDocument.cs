namespace DigitalWallonia.Platform.Documents;

/// <summary>What the caller says about a document to store; size and hash are computed from the content.</summary>
public sealed record NewDocument(
    long DossierId,
    string Kind,
    string? Language,
    string MediaType,
    string FileName,
    string CreatedBy,
    long? SupersedesId = null);
