namespace DigitalWallonia.Platform.Definitions;

/// <summary>
/// A workflow definition version as published: its JSON source exactly, never edited afterwards. Dossiers are pinned to
/// (<see cref="WorkflowId"/>, <see cref="Version"/>) and keep using it whatever is published later.
/// </summary>
public sealed class PublishedWorkflow
{
    private PublishedWorkflow()
    {
        WorkflowId = Source = SourceHash = PublishedBy = "";
    }

    internal PublishedWorkflow(string workflowId, int version, string source, string sourceHash, DateTimeOffset publishedAt, string publishedBy)
    {
        WorkflowId = workflowId;
        Version = version;
        Source = source;
        SourceHash = sourceHash;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public long Id { get; private set; }

    public string WorkflowId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The definition's JSON as published.</summary>
    public string Source { get; private set; }

    /// <summary>SHA-256 of <see cref="Source"/>: publishing the same file again is a no-op, a different one under the same version is refused.</summary>
    public string SourceHash { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }
}
