namespace DigitalWallonia.Platform.Documents;

/// <summary>The bytes of a document kept in the database (the default <see cref="IDocumentContentStore"/>); written once.</summary>
public sealed class DocumentContent
{
    private DocumentContent()
    {
        Bytes = [];
        Document = null!; // set by EF Core when loading
    }

    internal DocumentContent(Document document, byte[] bytes)
    {
        Document = document;
        Bytes = bytes;
    }

    public long DocumentId { get; private set; }

    public Document Document { get; private set; }

    public byte[] Bytes { get; private set; }
}
