namespace DigitalWallonia.Platform.RuleSets;

/// <summary>
/// A rule-set file being changed: editable until published, approved by a second officer (any edit after the approval
/// voids it), then copied into a <see cref="PublishedRuleSet"/> and kept with a link to it.
/// </summary>
public sealed class RuleSetDraft
{
    private RuleSetDraft()
    {
        Path = Programme = Source = AuthorId = "";
    }

    internal RuleSetDraft(string path, string programme, string source, string authorId, DateTimeOffset createdAt)
    {
        Path = path;
        Programme = programme;
        Source = source;
        AuthorId = authorId;
        CreatedAt = UpdatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>The path it will be published (and exported) under.</summary>
    public string Path { get; private set; }

    public string Programme { get; private set; }

    public string Source { get; private set; }

    public string AuthorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The published row once published; a published draft is no longer editable.</summary>
    public long? PublishedId { get; private set; }

    internal void Edit(string source, DateTimeOffset at)
    {
        if (source == Source)
        {
            return;
        }

        Source = source;
        UpdatedAt = at;
        ApprovedBy = null;
        ApprovedAt = null;
    }

    internal void Approve(string approver, DateTimeOffset at)
    {
        ApprovedBy = approver;
        ApprovedAt = at;
    }

    internal void Published(long publishedId) => PublishedId = publishedId;
}
