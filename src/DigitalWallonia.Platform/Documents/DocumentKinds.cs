namespace DigitalWallonia.Platform.Documents;

/// <summary>The kinds of documents the platform knows; workflows name them (<c>issueDocument.document</c>).</summary>
public static class DocumentKinds
{
    public const string DecisionLetter = "decision-letter";
    public const string Certificate = "certificate";
    public const string Upload = "upload";
}
