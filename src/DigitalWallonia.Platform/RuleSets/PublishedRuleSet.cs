namespace DigitalWallonia.Platform.RuleSets;

/// <summary>
/// A rule-set file as published: its JSON exactly (what <c>dw rules export</c> writes back byte for byte), who drafted,
/// approved and published it, never edited afterwards. A change is a new file with a new version.
/// </summary>
public sealed class PublishedRuleSet
{
    private PublishedRuleSet()
    {
        Path = Programme = Name = Source = SourceHash = DraftedBy = PublishedBy = "";
    }

    internal PublishedRuleSet(string path, string programme, string name, int version, DateOnly? validFrom, int? supersedes, string? legalBasis,
        string source, string sourceHash, string draftedBy, string? approvedBy, DateTimeOffset publishedAt, string publishedBy)
    {
        Path = path;
        Programme = programme;
        Name = name;
        Version = version;
        ValidFrom = validFrom;
        Supersedes = supersedes;
        LegalBasis = legalBasis;
        Source = source;
        SourceHash = sourceHash;
        DraftedBy = draftedBy;
        ApprovedBy = approvedBy;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public long Id { get; private set; }

    /// <summary>Where the file lives under rules/, with forward slashes (rentic/rentic-amount.json).</summary>
    public string Path { get; private set; }

    /// <summary>The folder under rules/: the programme (or common) the file belongs to.</summary>
    public string Programme { get; private set; }

    /// <summary>The file's first workflow name and version, for lists; the file may hold more.</summary>
    public string Name { get; private set; }

    public int Version { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public int? Supersedes { get; private set; }

    public string? LegalBasis { get; private set; }

    public string Source { get; private set; }

    public string SourceHash { get; private set; }

    public string DraftedBy { get; private set; }

    /// <summary>The second officer who approved; null for the versions seeded from rules/ (reviewed in git).</summary>
    public string? ApprovedBy { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }
}
