using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Roles;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Portal;

/// <summary>
/// The company portal's reads: an enterprise's dossiers, each with where it stands and what comes next (who acts, by when,
/// what happens when the administration's own deadline passes), and the messages sent to the enterprise's contacts.
/// The caller has checked that the person's mandate covers the enterprise; the words are the page's business.
/// </summary>
public sealed class CompanyDossiers(PlatformDbContext db, WorkflowDefinitions definitions)
{
    /// <summary>The dossiers where <paramref name="enterprise"/> is a party, newest first.</summary>
    public async Task<IReadOnlyList<CompanyDossier>> ListAsync(EnterpriseNumber enterprise, CancellationToken cancellationToken)
    {
        EnterpriseNumber? wanted = enterprise;
        var rows = await db.Dossiers.AsNoTracking()
            .SelectMany(d => d.Parties.Where(p => p.Party.EnterpriseNumber == wanted),
                (d, p) => new { p.Role, d.Id, d.Reference, d.Programme, d.State, d.WorkflowId, d.WorkflowVersion, d.OpenedAt, d.SubmittedOn, d.DecidedOn })
            .OrderByDescending(d => d.Id)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var deadlines = (await db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.DossierId) && d.Status == DeadlineStatus.Pending).ToListAsync(cancellationToken))
            .ToLookup(d => d.DossierId);
        var dossiers = new List<CompanyDossier>();
        foreach (var row in rows.DistinctBy(r => r.Id))
        {
            var definition = await definitions.GetAsync(db, row.WorkflowId, row.WorkflowVersion, cancellationToken);
            dossiers.Add(new CompanyDossier(row.Id, row.Reference, row.Programme, definition, row.State, row.Role, row.OpenedAt, row.SubmittedOn, row.DecidedOn,
                NextSteps(definition, row.State, row.Role, deadlines[row.Id])));
        }

        return dossiers;
    }

    /// <summary>What may happen next from <paramref name="state"/>, seen from the party in <paramref name="partyRole"/>, soonest deadline first.</summary>
    public IReadOnlyList<NextStep> NextSteps(WorkflowDefinition definition, string state, string partyRole, IEnumerable<Deadline> pendingDeadlines)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var pending = pendingDeadlines.ToList();
        definition.TryGetState(state, out var current);
        var steps = new List<NextStep>();
        foreach (var transition in definition.TransitionsFrom(state))
        {
            switch (transition.Trigger)
            {
                case ActorActionTrigger action:
                    var roles = action.Roles.Count > 0 ? action.Roles : current?.Roles ?? [];
                    steps.Add(new NextStep(transition, ExpectedFrom(roles, partyRole), null));
                    break;
                case TimerTrigger timer when pending.FirstOrDefault(d => d.Kind == timer.DeadlineKind) is { } deadline:
                    steps.Add(new NextStep(transition, Expected.System, deadline.DueAt));
                    break;
            }
        }

        // One line per audience for actions (a refusal and a grant are both "the administration decides"); every timer.
        return [.. steps.Where(s => s.DueAt is not null).OrderBy(s => s.DueAt)
            .Concat(steps.Where(s => s.DueAt is null).DistinctBy(s => s.From).OrderBy(s => s.From))];
    }

    /// <summary>The messages sent about dossier <paramref name="dossierId"/> to the contacts of <paramref name="partyId"/>, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> MessagesAsync(long dossierId, long partyId, CancellationToken cancellationToken)
    {
        var addresses = await db.Contacts.AsNoTracking().Where(c => c.PartyId == partyId).Select(c => c.Email).ToListAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DossierId == dossierId && addresses.Contains(m.RecipientAddress))
            .OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
    }

    // Whose move it is: the company when a role acts for its own party link, the administration for staff roles, else
    // another party of the dossier (the provider, the expert).
    private Expected ExpectedFrom(IEnumerable<string> roles, string partyRole)
    {
        var expected = Expected.OtherParty;
        foreach (var key in roles)
        {
            if (!definitions.Roles.TryGet(key, out var role) || role.Scope != RoleScope.Party)
            {
                expected = expected == Expected.Company ? expected : Expected.Administration;
            }
            else if (role.EffectivePartyLink == partyRole)
            {
                return Expected.Company;
            }
        }

        return expected;
    }
}

/// <summary>An enterprise's dossier as its portal lists it, with the role the enterprise holds in it and what comes next.</summary>
public sealed record CompanyDossier(long Id, string Reference, string Programme, WorkflowDefinition Definition, string State, string PartyRole,
    DateTimeOffset OpenedAt, DateOnly? SubmittedOn, DateOnly? DecidedOn, IReadOnlyList<NextStep> Next)
{
    public bool IsClosed => Definition.TryGetState(State, out var state) && state.Kind == StateKind.Final;
}

/// <summary>A way out of the current state: who moves it, and for a deadline, the instant it fires by itself.</summary>
public sealed record NextStep(TransitionDefinition Transition, Expected From, DateTimeOffset? DueAt);

/// <summary>Whose move it is.</summary>
public enum Expected
{
    Company,
    Administration,
    OtherParty,
    System,
}
