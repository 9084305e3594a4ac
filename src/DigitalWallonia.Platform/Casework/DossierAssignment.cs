namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// Who holds a dossier in the workspace, and since when: at most one person at a time. A dossier nobody holds has no row.
/// Claims, assignments and releases are also audit events on the dossier (<see cref="Assignments"/>); this row is what
/// the queue filters and sorts on.
/// </summary>
public sealed class DossierAssignment
{
    private DossierAssignment()
    {
        HolderSubject = HolderName = AssignedBy = "";
    }

    internal DossierAssignment(long dossierId, string holderSubject, string holderName, string assignedBy, DateTimeOffset since)
    {
        DossierId = dossierId;
        HolderSubject = holderSubject;
        HolderName = holderName;
        AssignedBy = assignedBy;
        Since = since;
    }

    public long DossierId { get; private set; }

    /// <summary>The holder's subject from the identity provider.</summary>
    public string HolderSubject { get; private set; }

    /// <summary>The holder's display name as it was when the dossier was assigned (personal data).</summary>
    public string HolderName { get; private set; }

    /// <summary>Who claimed (the holder) or assigned it (a colleague, a supervisor).</summary>
    public string AssignedBy { get; private set; }

    public DateTimeOffset Since { get; private set; }
}
