using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Casework;

/// <summary>Reads a <see cref="DossierFile"/> for the workspace: one query per kind of record, none tracked.</summary>
public sealed class DossierFiles(PlatformDbContext db, WorkflowDefinitions definitions, DossierWorkflow workflow, CompanyFacts companies)
{
    /// <summary>The dossier <paramref name="reference"/> as <paramref name="actor"/> sees it; null when no dossier has it.</summary>
    public async Task<DossierFile?> ReadAsync(string reference, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Parties).ThenInclude(p => p.Party)
            .SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken);
        if (dossier is null)
        {
            return null;
        }

        var id = dossier.Id;
        var parties = dossier.Parties
            .Select(p => new DossierFileParty(p.PartyId, p.Role, p.Party.Name, p.Party.EnterpriseNumber?.ToString()))
            .OrderBy(p => p.Role == DossierRoles.Applicant ? 0 : 1).ThenBy(p => p.Role, StringComparer.Ordinal).ToList();
        var applicant = dossier.Parties.FirstOrDefault(p => p.Role == DossierRoles.Applicant)?.Party.EnterpriseNumber;
        JsonObject? company = applicant is { } number ? await companies.ForAsync(number, cancellationToken) : null;
        var definition = await definitions.GetAsync(db, dossier.WorkflowId, dossier.WorkflowVersion, cancellationToken);
        var history = await db.DossierHistory.AsNoTracking().Where(h => h.DossierId == id).OrderBy(h => h.Sequence).ToListAsync(cancellationToken);

        return new DossierFile(
            dossier,
            parties,
            company,
            JsonNode.Parse(dossier.FactsJson) as JsonObject ?? [],
            dossier.FactSources(),
            definition,
            await workflow.AvailableActionsAsync(reference, actor, cancellationToken),
            await db.DossierAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.DossierId == id, cancellationToken),
            await db.AuditEvents.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken),
            history,
            await db.EvaluationSnapshots.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken),
            await db.Documents.AsNoTracking().Where(d => d.DossierId == id).OrderBy(d => d.Id).ToListAsync(cancellationToken),
            await db.OutboxMessages.AsNoTracking().Where(m => m.DossierId == id).OrderBy(m => m.Id).ToListAsync(cancellationToken),
            await db.Decisions.AsNoTracking().Where(d => d.DossierId == id).OrderBy(d => d.Id).ToListAsync(cancellationToken),
            await db.Instalments.AsNoTracking().Where(i => i.DossierId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken),
            await db.Deadlines.AsNoTracking().Include(d => d.Reminders).Where(d => d.DossierId == id).OrderBy(d => d.Id).ToListAsync(cancellationToken),
            await ProposalAsync(dossier, definition, history, cancellationToken));
    }

    // The proposal the current state's second approval rests on, if it has one.
    private async Task<PendingProposal?> ProposalAsync(Dossier dossier, WorkflowDefinition definition, IReadOnlyList<DossierHistoryEntry> history, CancellationToken cancellationToken)
    {
        var entries = history.Select(h => new HistoryEntry(h.TransitionId, h.Trigger, h.Action, h.SubjectId, h.PartyId, h.At, h.FromState, h.ToState)).ToList();
        foreach (var transition in definition.TransitionsFrom(dossier.State))
        {
            if (ProposalEvidence.ProposalFor(transition, entries) is { } proposal)
            {
                return new PendingProposal(proposal.Action ?? proposal.TransitionId, proposal.SubjectId, proposal.At,
                    await ProposalEvidence.ChangesSinceAsync(db, dossier.Id, proposal.At, cancellationToken));
            }
        }

        return null;
    }
}
