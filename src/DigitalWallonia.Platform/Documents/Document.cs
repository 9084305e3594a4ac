namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// A file that belongs to a dossier: a decision letter, a certificate, an upload. Immutable once stored: a correction is
/// a new document that <see cref="SupersedesId"/> the old one. The content lives behind <see cref="IDocumentContentStore"/>
/// (the database by default, never a node's local disk alone) and is verified against <see cref="Sha256"/> when read.
/// </summary>
public sealed class Document
{
    private Document()
    {
        Kind = MediaType = FileName = Sha256 = CreatedBy = string.Empty;
    }

    internal Document(long dossierId, string kind, string? language, string mediaType, string fileName, long size, string sha256,
        string createdBy, DateTimeOffset createdAt, long? supersedesId)
    {
        DossierId = dossierId;
        Kind = kind;
        Language = language;
        MediaType = mediaType;
        FileName = fileName;
        Size = size;
        Sha256 = sha256;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        SupersedesId = supersedesId;
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>What the document is: <see cref="DocumentKinds"/> (decision-letter, certificate, upload...).</summary>
    public string Kind { get; private set; }

    /// <summary>fr, nl, de or en for documents written by the platform; null for uploads.</summary>
    public string? Language { get; private set; }

    /// <summary>e.g. <c>text/html; charset=utf-8</c>, <c>application/pdf</c>.</summary>
    public string MediaType { get; private set; }

    /// <summary>The name offered on download.</summary>
    public string FileName { get; private set; }

    /// <summary>Size of the content in bytes.</summary>
    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, 64 lower-case hex digits.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The subject id of the actor (or <c>system</c>) that stored it.</summary>
    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The document this one replaces, if any (a corrected letter, a renewed certificate).</summary>
    public long? SupersedesId { get; private set; }
}
