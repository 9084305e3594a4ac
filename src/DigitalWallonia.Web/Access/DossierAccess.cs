using System.Globalization;
using System.Linq.Expressions;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Access;

/// <summary>
/// Who sees which dossier, for pages and API alike. A person acting for companies sees the dossiers where one of the
/// enterprises their mandates cover is a party (in any role: applicant, provider, expert...); staff see the dossiers of
/// the programmes their roles reach (<see cref="ProgrammeReach"/>); a machine client sees by the roles granted to it.
/// Every other dossier does not exist for them: <see cref="FindAsync"/> answers null, by id as by reference, and the
/// caller answers 404 — never 403, which would tell that it exists.
/// <para>
/// The rule is written once, as a query (<see cref="VisibleAsync"/>): lists filter with it in the database, and a single
/// dossier is looked up through it, so the two can never disagree. Acting is then the workflow's business: the actor
/// built here (<see cref="ActorFor"/>) carries the roles and the party the runtime checks each transition against.
/// Companies follow the same lines (<see cref="VisibleCompaniesAsync"/>): staff see them all, a representative theirs.
/// </para>
/// </summary>
public sealed class DossierAccess(PlatformDbContext db, ProgrammeReach reach, WorkflowDefinitions definitions)
{
    /// <summary>The dossiers <paramref name="requester"/> may see, untracked, for lists and counts to filter further.</summary>
    public async Task<IQueryable<Dossier>> VisibleAsync(Requester requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var reached = await reach.ForAsync(StaffRoles(requester), cancellationToken);
        var dossiers = db.Dossiers.AsNoTracking();
        if (reached.AllProgrammes)
        {
            return dossiers;
        }

        var programmes = reached.Programmes.ToList();
        var mandated = MandatedParties(requester).Select(p => p.Id);
        return (programmes.Count, requester.Mandates.Count) switch
        {
            (0, 0) => dossiers.Where(d => false),
            (_, 0) => dossiers.Where(d => programmes.Contains(d.Programme)),
            (0, _) => dossiers.Where(d => d.Parties.Any(p => mandated.Contains(p.PartyId))),
            _ => dossiers.Where(d => programmes.Contains(d.Programme) || d.Parties.Any(p => mandated.Contains(p.PartyId))),
        };
    }

    /// <summary>
    /// The organisations <paramref name="requester"/> may see: all of them for anyone whose roles reach a programme (staff),
    /// else those their mandates cover.
    /// </summary>
    public async Task<IQueryable<Party>> VisibleCompaniesAsync(Requester requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var companies = db.Parties.AsNoTracking().Where(p => p.EnterpriseNumber != null);
        if (!(await reach.ForAsync(StaffRoles(requester), cancellationToken)).IsNothing)
        {
            return companies;
        }

        return MandatedParties(requester);
    }

    // The parties whose enterprise number a mandate covers, as a subquery. One equality per mandate rather than a
    // Contains over a list: PostgreSQL's provider cannot send a list of converted values (the enterprise number's) as an
    // array. The values stay parameters, so the query is compiled once per number of mandates.
    private IQueryable<Party> MandatedParties(Requester requester)
    {
        var party = Expression.Parameter(typeof(Party), "party");
        Expression any = Expression.Constant(false);
        foreach (var number in requester.Mandates.Select(m => m.Enterprise).Distinct())
        {
            EnterpriseNumber? wanted = number;
            Expression<Func<Party, bool>> isIt = p => p.EnterpriseNumber == wanted;
            any = Expression.OrElse(any, Expression.Invoke(isIt, party));
        }

        return db.Parties.AsNoTracking().Where(Expression.Lambda<Func<Party, bool>>(any, party));
    }

    /// <summary>
    /// The dossier <paramref name="idOrReference"/> names (its number, or its reference such as RENTIC-2026-000123) if
    /// <paramref name="requester"/> may see it; null when it does not exist or is not theirs to see.
    /// </summary>
    public async Task<VisibleDossier?> FindAsync(Requester requester, string idOrReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrReference);
        var visible = await VisibleAsync(requester, cancellationToken);
        return await Project(ById(visible, idOrReference)).SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<Dossier> ById(IQueryable<Dossier> dossiers, string idOrReference) =>
        long.TryParse(idOrReference, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? dossiers.Where(d => d.Id == id)
            : dossiers.Where(d => d.Reference == idOrReference);

    private static IQueryable<VisibleDossier> Project(IQueryable<Dossier> dossiers) =>
        dossiers.Select(d => new VisibleDossier(d.Id, d.Reference, d.Programme, d.Version,
            d.Parties.Select(p => new DossierPartyLink(p.PartyId, p.Role, p.Party.EnterpriseNumber)).ToList()));

    /// <summary>
    /// The dossier another system reports an event on (<c>payment-confirmed</c>): events are not seen but reported, and a
    /// machine client trusted with <paramref name="eventsScope"/> reports on any dossier (the payment system pays every
    /// programme's). Anyone else reports only on the dossiers they see.
    /// </summary>
    public async Task<VisibleDossier?> FindForEventAsync(Requester requester, string idOrReference, string eventsScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (!(requester.IsMachine && requester.Scopes.Contains(eventsScope)))
        {
            return await FindAsync(requester, idOrReference, cancellationToken);
        }

        return await Project(ById(db.Dossiers.AsNoTracking(), idOrReference)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The actor <paramref name="requester"/> acts as on <paramref name="dossier"/>: their staff roles, and for a person
    /// acting for a company, the party of the dossier their mandate covers with that mandate's roles (the runtime then
    /// checks a party role against the dossier's party in that role).
    /// </summary>
    public Actor ActorFor(Requester requester, VisibleDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(dossier);
        var roles = StaffRoles(requester).ToList();
        var party = PartyActedFor(requester, dossier);
        if (party is not null)
        {
            roles.AddRange(requester.Mandates.Where(m => m.Enterprise == party.EnterpriseNumber).Select(m => m.Role));
        }

        return new Actor(requester.Subject, requester.DisplayName, roles.Distinct(StringComparer.Ordinal).ToList(),
            party?.PartyId.ToString(CultureInfo.InvariantCulture));
    }

    // The dossier's party a mandate covers, preferring the one whose role in the dossier is the one the mandate's role
    // acts as (a company representative acts for the applicant), so that a person representing two parties of the same
    // dossier acts for the one their role is made for.
    private DossierPartyLink? PartyActedFor(Requester requester, VisibleDossier dossier)
    {
        DossierPartyLink? any = null;
        foreach (var mandate in requester.Mandates)
        {
            foreach (var link in dossier.Parties.Where(p => p.EnterpriseNumber == mandate.Enterprise))
            {
                if (definitions.Roles.TryGet(mandate.Role, out var role) && role.EffectivePartyLink == link.Role)
                {
                    return link;
                }

                any ??= link;
            }
        }

        return any;
    }

    // Party roles (company-representative, provider...) come with a mandate and count only for that mandate's enterprise.
    private IEnumerable<string> StaffRoles(Requester requester) =>
        requester.Roles.Where(r => !(definitions.Roles.TryGet(r, out var role) && role.Scope == RoleScope.Party));
}

/// <summary>A dossier the requester may see: what the API and pages need to go on (its number, reference, programme, version, parties).</summary>
public sealed record VisibleDossier(long Id, string Reference, string Programme, long Version, IReadOnlyList<DossierPartyLink> Parties);

/// <summary>A party of a dossier in a role, with its enterprise number when it is a registered organisation.</summary>
public sealed record DossierPartyLink(long PartyId, string Role, EnterpriseNumber? EnterpriseNumber);
