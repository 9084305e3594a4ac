namespace DigitalWallonia.Platform.Definitions;

public enum PublishStatus
{
    Published,

    /// <summary>The same source was already published under this version: nothing to do.</summary>
    Unchanged,

    /// <summary>Invalid, or another source already holds this version.</summary>
    Refused,
}
