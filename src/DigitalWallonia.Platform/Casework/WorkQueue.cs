using System.Linq.Expressions;
using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// The workspace's queues: dossiers with their applicant, holder and next deadline, filtered, sorted and paged in the
/// database (two queries: the count and the page). Which states wait for whose approval and which deadlines fall within
/// N working days are worked out from the published definitions and each programme's calendar before the query.
/// </summary>
public sealed class WorkQueue(PlatformDbContext db, WorkflowDefinitions definitions, CalendarCatalogue calendars, TimeProvider clock)
{
    public async Task<QueuePage> ListAsync(QueueFilter filter, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var rows = Rows(now);
        rows = await FilterAsync(rows, filter, actor, now, cancellationToken);
        var total = await rows.CountAsync(cancellationToken);
        var size = Math.Clamp(filter.PageSize, 1, QueueFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var found = await Sorted(rows, filter.Sort, filter.Descending).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new QueuePage([.. found.Select(r => new QueueRow(r.Reference, r.Programme, r.WorkflowId, r.WorkflowVersion, r.State, r.ApplicantName,
            r.EnterpriseNumber?.ToString(), r.SubmittedOn, r.RequestedAmount, r.HolderSubject, r.HolderName, r.HeldSince, r.NextDeadline, r.NextDeadlineKind))],
            total, page, size);
    }

    /// <summary>The states (by workflow) in which a person holding <paramref name="roles"/> gives the second approval.</summary>
    public static IReadOnlyList<(string WorkflowId, string State)> ApprovalStates(IEnumerable<WorkflowDefinition> published, IReadOnlyList<string> roles) =>
        [.. published.SelectMany(definition => definition.Transitions
            .Where(t => t.Trigger is ActorActionTrigger && t.Actions.OfType<RequireDifferentActorAction>().Any())
            .Where(t => ActingRoles(definition, t).Any(roles.Contains))
            .Select(t => (definition.Id, t.From)))
            .Distinct()];

    private static IReadOnlyList<string> ActingRoles(WorkflowDefinition definition, TransitionDefinition transition) =>
        transition.Trigger is ActorActionTrigger { Roles.Count: > 0 } action ? action.Roles
        : definition.TryGetState(transition.From, out var state) ? state.Roles : [];

    private IQueryable<Row> Rows(DateTimeOffset now) =>
        from d in db.Dossiers
        join applicant in db.DossierParties.Where(p => p.Role == DossierRoles.Applicant) on d.Id equals applicant.DossierId into applicants
        from applicant in applicants.DefaultIfEmpty()
        join held in db.DossierAssignments on d.Id equals held.DossierId into holders
        from held in holders.DefaultIfEmpty()
        select new Row
        {
            Id = d.Id,
            Reference = d.Reference,
            Programme = d.Programme,
            WorkflowId = d.WorkflowId,
            WorkflowVersion = d.WorkflowVersion,
            State = d.State,
            ApplicantName = applicant == null ? null : applicant.Party.Name,
            EnterpriseNumber = applicant == null ? null : applicant.Party.EnterpriseNumber,
            SubmittedOn = d.SubmittedOn,
            RequestedAmount = d.RequestedAmount,
            HolderSubject = held == null ? null : held.HolderSubject,
            HolderName = held == null ? null : held.HolderName,
            HeldSince = held == null ? null : held.Since,
            NextDeadline = db.Deadlines.Where(x => x.DossierId == d.Id && x.Status == DeadlineStatus.Pending).Min(x => (DateTimeOffset?)x.DueAt),
            NextDeadlineKind = db.Deadlines.Where(x => x.DossierId == d.Id && x.Status == DeadlineStatus.Pending).OrderBy(x => x.DueAt).Select(x => x.Kind).FirstOrDefault(),
            LastActor = db.DossierHistory.Where(h => h.DossierId == d.Id).OrderByDescending(h => h.Sequence).Select(h => h.SubjectId).FirstOrDefault(),
        };

    private async Task<IQueryable<Row>> FilterAsync(IQueryable<Row> rows, QueueFilter filter, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (filter.View)
        {
            case QueueView.AssignedToMe:
                rows = rows.Where(r => r.HolderSubject == actor.SubjectId);
                break;
            case QueueView.AwaitingMyApproval:
                var states = ApprovalStates(await definitions.AllPublishedAsync(db, cancellationToken), actor.Roles);
                // The proposal moved the dossier into the approval state: its last step is the proposer's, who may not approve.
                rows = rows.Where(AnyOf(states.Select(s => (Expression<Func<Row, bool>>)(r => r.WorkflowId == s.WorkflowId && r.State == s.State))))
                    .Where(r => r.LastActor != actor.SubjectId);
                break;
            case QueueView.DueSoon:
                var cutoffs = (await definitions.AllPublishedAsync(db, cancellationToken)).Select(d => d.Programme).Distinct(StringComparer.Ordinal)
                    .Select(p => (Programme: p, Cutoff: DeadlinePlanner.EndOfDay(calendars.ForProgramme(p).AddWorkingDays(DeadlinePlanner.LegalDate(now), Math.Max(0, filter.DueWithinWorkingDays)))))
                    .ToList();
                rows = rows.Where(r => r.NextDeadline >= now)
                    .Where(AnyOf(cutoffs.Select(c => (Expression<Func<Row, bool>>)(r => r.Programme == c.Programme && r.NextDeadline <= c.Cutoff))));
                break;
            case QueueView.Overdue:
                rows = rows.Where(r => r.NextDeadline < now);
                break;
            case QueueView.All:
            default:
                break;
        }

        if (Given(filter.Programme) is { } programme)
        {
            rows = rows.Where(r => r.Programme == programme);
        }

        if (Given(filter.State) is { } state)
        {
            rows = rows.Where(r => r.State == state);
        }

        if (Given(filter.Assignee) is { } assignee)
        {
            rows = assignee == QueueFilter.Nobody ? rows.Where(r => r.HolderSubject == null) : rows.Where(r => r.HolderSubject == assignee);
        }

        if (filter.SubmittedFrom is { } from)
        {
            rows = rows.Where(r => r.SubmittedOn >= from);
        }

        if (filter.SubmittedTo is { } to)
        {
            rows = rows.Where(r => r.SubmittedOn <= to);
        }

        if (filter.AmountMin is { } min)
        {
            rows = rows.Where(r => r.RequestedAmount >= min);
        }

        if (filter.AmountMax is { } max)
        {
            rows = rows.Where(r => r.RequestedAmount <= max);
        }

        if (Given(filter.EnterpriseNumber) is { } numberText)
        {
            // A number that is no enterprise number matches nothing rather than everything.
            rows = EnterpriseNumber.TryParse(numberText, out var number, out _) ? rows.Where(r => r.EnterpriseNumber == number) : rows.Where(r => false);
        }

        if (Given(filter.Name) is { } name)
        {
            var lower = name.ToLowerInvariant();
            rows = rows.Where(r => r.ApplicantName != null && r.ApplicantName.ToLower().Contains(lower));
        }

        if (Given(filter.Reference) is { } reference)
        {
            var upper = reference.ToUpperInvariant();
            rows = rows.Where(r => r.Reference.Contains(upper));
        }

        if (Given(filter.Search) is { } search)
        {
            if (EnterpriseNumber.TryParse(search, out var number, out _))
            {
                rows = rows.Where(r => r.EnterpriseNumber == number);
            }
            else
            {
                var upper = search.ToUpperInvariant();
                var lower = search.ToLowerInvariant();
                rows = rows.Where(r => r.Reference.Contains(upper) || (r.ApplicantName != null && r.ApplicantName.ToLower().Contains(lower)));
            }
        }

        return rows;
    }

    private static IQueryable<Row> Sorted(IQueryable<Row> rows, QueueSort sort, bool descending)
    {
        // The reference breaks ties, so pages never overlap.
        IOrderedQueryable<Row> ordered = sort switch
        {
            QueueSort.Reference => descending ? rows.OrderByDescending(r => r.Reference) : rows.OrderBy(r => r.Reference),
            QueueSort.Programme => descending ? rows.OrderByDescending(r => r.Programme) : rows.OrderBy(r => r.Programme),
            QueueSort.State => descending ? rows.OrderByDescending(r => r.State) : rows.OrderBy(r => r.State),
            QueueSort.Applicant => descending ? rows.OrderByDescending(r => r.ApplicantName) : rows.OrderBy(r => r.ApplicantName),
            QueueSort.Submitted => descending ? rows.OrderByDescending(r => r.SubmittedOn) : rows.OrderBy(r => r.SubmittedOn),
            QueueSort.Amount => descending ? rows.OrderByDescending(r => r.RequestedAmount) : rows.OrderBy(r => r.RequestedAmount),
            QueueSort.Holder => descending ? rows.OrderByDescending(r => r.HolderName) : rows.OrderBy(r => r.HolderName),
            // Dossiers without a running deadline come last either way.
            _ => descending
                ? rows.OrderBy(r => r.NextDeadline == null).ThenByDescending(r => r.NextDeadline)
                : rows.OrderBy(r => r.NextDeadline == null).ThenBy(r => r.NextDeadline),
        };
        return ordered.ThenBy(r => r.Reference);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // (a) || (b) || ...; false when there is none.
    private static Expression<Func<Row, bool>> AnyOf(IEnumerable<Expression<Func<Row, bool>>> conditions)
    {
        var row = Expression.Parameter(typeof(Row), "r");
        Expression body = Expression.Constant(false);
        foreach (var condition in conditions)
        {
            body = Expression.OrElse(body, new Rebind(condition.Parameters[0], row).Visit(condition.Body));
        }

        return Expression.Lambda<Func<Row, bool>>(body, row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string Reference { get; init; } = "";

        public string Programme { get; init; } = "";

        public string WorkflowId { get; init; } = "";

        public int WorkflowVersion { get; init; }

        public string State { get; init; } = "";

        public string? ApplicantName { get; init; }

        public EnterpriseNumber? EnterpriseNumber { get; init; }

        public DateOnly? SubmittedOn { get; init; }

        public decimal? RequestedAmount { get; init; }

        public string? HolderSubject { get; init; }

        public string? HolderName { get; init; }

        public DateTimeOffset? HeldSince { get; init; }

        public DateTimeOffset? NextDeadline { get; init; }

        public string? NextDeadlineKind { get; init; }

        public string? LastActor { get; init; }
    }
}
