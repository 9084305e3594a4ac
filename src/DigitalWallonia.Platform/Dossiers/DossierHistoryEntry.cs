namespace DigitalWallonia.Platform.Dossiers;

/// <summary>A transition a dossier took: what segregation of duties and the dossier's timeline read.</summary>
public sealed class DossierHistoryEntry
{
    private DossierHistoryEntry()
    {
        TransitionId = Trigger = SubjectId = FromState = ToState = "";
    }

    internal DossierHistoryEntry(long dossierId, int sequence, string transitionId, string trigger, string? action, string subjectId,
        string? partyId, DateTimeOffset at, string fromState, string toState, string? inputJson = null, string? personalInputJson = null)
    {
        InputJson = inputJson;
        PersonalInputJson = personalInputJson;
        DossierId = dossierId;
        Sequence = sequence;
        TransitionId = transitionId;
        Trigger = trigger;
        Action = action;
        SubjectId = subjectId;
        PartyId = partyId;
        At = at;
        FromState = fromState;
        ToState = toState;
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>1, 2, 3... per dossier; unique, so two writers cannot both append the same step.</summary>
    public int Sequence { get; private set; }

    public string TransitionId { get; private set; }

    /// <summary>action, automatic, timer or event.</summary>
    public string Trigger { get; private set; }

    /// <summary>The actor action's name, for actions only.</summary>
    public string? Action { get; private set; }

    public string SubjectId { get; private set; }

    public string? PartyId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string FromState { get; private set; }

    public string ToState { get; private set; }

    /// <summary>The action's input as given (canonical JSON), without its personal fields; null when there was none.</summary>
    public string? InputJson { get; private set; }

    /// <summary>The input fields the definition declares personal (erasable, GDPR); null when there were none or once erased.</summary>
    public string? PersonalInputJson { get; private set; }

    /// <summary>Erases the personal input; what the action decided and the rest of its input stay.</summary>
    public void ErasePersonalInput() => PersonalInputJson = null;
}
