using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// Everything the workspace's dossier page shows, read in one go by <see cref="DossierFiles"/>: the dossier with its
/// parties, the applicant as the company register knows it, the facts with their provenance, the pinned definition and
/// what this person may do now, and the records of its life (audit trail, history with the actions' input, evaluations,
/// documents, mail, decisions, instalments, deadlines with reminders), oldest first. Read-only, detached from the context.
/// </summary>
public sealed record DossierFile(
    Dossier Dossier,
    IReadOnlyList<DossierFileParty> Parties,
    JsonObject? Company,
    JsonObject Facts,
    IReadOnlyDictionary<string, FactProvenance> FactSources,
    WorkflowDefinition Definition,
    IReadOnlyList<AvailableAction> Actions,
    DossierAssignment? Assignment,
    IReadOnlyList<AuditEvent> AuditEvents,
    IReadOnlyList<DossierHistoryEntry> History,
    IReadOnlyList<EvaluationSnapshot> Evaluations,
    IReadOnlyList<Document> Documents,
    IReadOnlyList<OutboxMessage> Mail,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<Instalment> Instalments,
    IReadOnlyList<Deadline> Deadlines,
    PendingProposal? Proposal)
{
    /// <summary>The deadlines still running, soonest first.</summary>
    public IEnumerable<Deadline> OpenDeadlines => Deadlines.Where(d => d.Status == DeadlineStatus.Pending).OrderBy(d => d.DueAt);

    /// <summary>The staff's notes, oldest first (audit events of kind <see cref="InternalNotes.AuditKind"/>).</summary>
    public IEnumerable<AuditEvent> Notes => AuditEvents.Where(e => e.Kind == InternalNotes.AuditKind);
}

/// <summary>
/// The proposal a second approval in the current state would rest on (who proposed what, when) and the changes of evidence
/// since, which void it (<see cref="ProposalEvidence"/>): empty while it stands.
/// </summary>
public sealed record PendingProposal(string Action, string ProposedBy, DateTimeOffset At, IReadOnlyList<string> VoidedBy);

/// <summary>A party of the dossier in one role, with its enterprise number when it is an organisation.</summary>
public sealed record DossierFileParty(long PartyId, string Role, string Name, string? EnterpriseNumber);
