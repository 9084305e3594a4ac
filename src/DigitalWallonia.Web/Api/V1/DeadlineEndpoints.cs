using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Api.V1;

/// <summary><c>/api/v1/deadlines</c>: the deadlines of the dossiers the requester may see, soonest first.</summary>
internal static class DeadlineEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/deadlines", ListAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("ListDeadlines").WithTags("Deadlines").WithSummary("Deadlines of the dossiers you may see, soonest first")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <param name="Status">pending (default), fired, cancelled or failed.</param>
    /// <param name="DueBefore">Only those falling due before this instant.</param>
    /// <param name="Programme">Only those of this programme's dossiers.</param>
    /// <param name="Page">1 for the first page.</param>
    /// <param name="PageSize">1 to 100; 20 by default.</param>
    internal sealed record DeadlineFilter(
        [FromQuery(Name = "status")] string? Status,
        [FromQuery(Name = "dueBefore")] DateTimeOffset? DueBefore,
        [FromQuery(Name = "programme")] string? Programme,
        [FromQuery(Name = "page")] int? Page,
        [FromQuery(Name = "pageSize")] int? PageSize);

    private static async Task<Results<Ok<DeadlinePage>, ProblemHttpResult>> ListAsync([AsParameters] DeadlineFilter filter, HttpContext http,
        DossierAccess access, PlatformDbContext db, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(filter.Page, filter.PageSize, out var paging, out var wrong))
        {
            return wrong;
        }

        var asked = filter.Status ?? nameof(DeadlineStatus.Pending);
        if (!Enum.GetNames<DeadlineStatus>().Contains(asked, StringComparer.OrdinalIgnoreCase) || !Enum.TryParse<DeadlineStatus>(asked, ignoreCase: true, out var status))
        {
            var known = string.Join(", ", Enum.GetNames<DeadlineStatus>().Select(n => n.ToLowerInvariant()));
            return ApiProblems.BadRequest($"status is one of {known}; got '{filter.Status}'.");
        }

        var dossiers = await access.VisibleAsync(http.Requester(), cancellationToken);
        dossiers = filter.Programme is { Length: > 0 } programme ? dossiers.Where(d => d.Programme == programme) : dossiers;
        var deadlines = from deadline in db.Deadlines.AsNoTracking()
                        join dossier in dossiers on deadline.DossierId equals dossier.Id
                        where deadline.Status == status
                        select new { deadline, dossier.Reference };
        deadlines = filter.DueBefore is { } before ? deadlines.Where(d => d.deadline.DueAt < before) : deadlines;
        var total = await deadlines.CountAsync(cancellationToken);
        var rows = await deadlines.OrderBy(d => d.deadline.DueAt).ThenBy(d => d.deadline.Id).Skip(paging.Skip).Take(paging.Size)
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => DeadlineModel.Of(r.deadline, r.Reference)).ToList();
        return TypedResults.Ok(new DeadlinePage(items, paging.Page, paging.Size, total));
    }
}

public sealed record DeadlinePage(IReadOnlyList<DeadlineModel> Items, int Page, int PageSize, int Total);
