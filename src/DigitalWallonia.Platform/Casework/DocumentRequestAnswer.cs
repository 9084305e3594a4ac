namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// One file given in answer to one item of a document request (<see cref="DocumentRequests"/>): the request is the
/// history step that asked (<see cref="RequestSequence"/>), so a second request on the same dossier starts afresh.
/// </summary>
public sealed class DocumentRequestAnswer
{
    public DocumentRequestAnswer(long dossierId, int requestSequence, int itemIndex, long documentId, string answeredBy, string answeredByName,
        DateTimeOffset answeredAt)
    {
        DossierId = dossierId;
        RequestSequence = requestSequence;
        ItemIndex = itemIndex;
        DocumentId = documentId;
        AnsweredBy = answeredBy;
        AnsweredByName = answeredByName;
        AnsweredAt = answeredAt;
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    public int RequestSequence { get; private set; }

    /// <summary>The item's position in the request's list, from 0.</summary>
    public int ItemIndex { get; private set; }

    public long DocumentId { get; private set; }

    public string AnsweredBy { get; private set; }

    public string AnsweredByName { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }
}
