namespace DigitalWallonia.Workflows.Definitions;

/// <summary><c>issueDocument</c>: produce a document of kind <see cref="Document"/> (letter, certificate) from template <see cref="Template"/>.</summary>
public sealed record IssueDocumentAction(string Document, string Template) : WorkflowAction
{
    public override string Type => "issueDocument";
}
