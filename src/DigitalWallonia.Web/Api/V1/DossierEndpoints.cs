using System.ComponentModel;
using System.Text.Json;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Api.V1;

/// <summary><c>/api/v1/dossiers</c>: the dossiers the requester may see, listed with filters and pages, and one by number or reference.</summary>
internal static class DossierEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder dossier)
    {
        api.MapGet("/dossiers", ListAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("ListDossiers").WithTags("Dossiers")
            .WithSummary("The dossiers you may see, newest first, filtered and by pages")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        dossier.MapGet("", GetAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("GetDossier").WithTags("Dossiers")
            .WithSummary("A dossier by number or reference, with the actions you may take on it now")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Filters of the list; each one given narrows it.</summary>
    /// <param name="Programme">Programme key (rentic, cyber, voucher, label...).</param>
    /// <param name="State">Workflow state id.</param>
    /// <param name="Enterprise">An enterprise number that is a party of the dossier (any form: 0123.456.749, BE0123456749).</param>
    /// <param name="SubmittedFrom">Submitted on or after this day.</param>
    /// <param name="SubmittedTo">Submitted on or before this day.</param>
    /// <param name="Page">1 for the first page.</param>
    /// <param name="PageSize">Dossiers per page, 1 to 100; 20 by default.</param>
    internal sealed record DossierFilter(
        [FromQuery(Name = "programme")] string? Programme,
        [FromQuery(Name = "state")] string? State,
        [FromQuery(Name = "enterprise")] string? Enterprise,
        [FromQuery(Name = "submittedFrom")] DateOnly? SubmittedFrom,
        [FromQuery(Name = "submittedTo")] DateOnly? SubmittedTo,
        [FromQuery(Name = "page")] int? Page,
        [FromQuery(Name = "pageSize")] int? PageSize);

    private static async Task<Results<Ok<DossierPage>, ProblemHttpResult>> ListAsync([AsParameters] DossierFilter filter, HttpContext http,
        DossierAccess access, DossierViews views, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(filter.Page, filter.PageSize, out var paging, out var wrong))
        {
            return wrong;
        }

        var dossiers = await access.VisibleAsync(http.Requester(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Enterprise))
        {
            if (!EnterpriseNumber.TryParse(filter.Enterprise, out var number, out var error))
            {
                return ApiProblems.BadRequest($"enterprise: {error}");
            }

            EnterpriseNumber? party = number;
            dossiers = dossiers.Where(d => d.Parties.Any(p => p.Party.EnterpriseNumber == party));
        }

        dossiers = filter.Programme is { Length: > 0 } programme ? dossiers.Where(d => d.Programme == programme) : dossiers;
        dossiers = filter.State is { Length: > 0 } state ? dossiers.Where(d => d.State == state) : dossiers;
        dossiers = filter.SubmittedFrom is { } from ? dossiers.Where(d => d.SubmittedOn >= from) : dossiers;
        dossiers = filter.SubmittedTo is { } to ? dossiers.Where(d => d.SubmittedOn <= to) : dossiers;
        var total = await dossiers.CountAsync(cancellationToken);
        var items = await views.SummariesAsync(dossiers.OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Id)
            .Skip(paging.Skip).Take(paging.Size), cancellationToken);
        return TypedResults.Ok(new DossierPage(items, paging.Page, paging.Size, total));
    }

    private static async Task<Ok<DossierDetail>> GetAsync(
        [Description("The dossier's number (id) or reference (RENTIC-2026-000123).")] string dossier,
        HttpContext http, DossierAccess access, DossierViews views,
        DossierWorkflow workflow, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var found = http.Dossier();
        var summary = (await views.SummariesAsync(db.Dossiers.AsNoTracking().Where(d => d.Id == found.Id), cancellationToken)).Single();
        var row = await db.Dossiers.AsNoTracking().Where(d => d.Id == found.Id)
            .Select(d => new { d.WorkflowId, d.WorkflowVersion, d.FactsJson }).SingleAsync(cancellationToken);
        var actions = await workflow.AvailableActionsAsync(found.Reference, access.ActorFor(http.Requester(), found), cancellationToken);
        var deadlines = await db.Deadlines.AsNoTracking()
            .Where(d => d.DossierId == found.Id && d.Status == DeadlineStatus.Pending).OrderBy(d => d.DueAt)
            .ToListAsync(cancellationToken);
        using var facts = JsonDocument.Parse(row.FactsJson);
        return TypedResults.Ok(new DossierDetail(summary, new WorkflowVersionRef(row.WorkflowId, row.WorkflowVersion), facts.RootElement.Clone(),
            actions.Select(a => new ActionModel(a.Name, a.To, a.Labels.Values, a.Input.Select(InputFieldModel.Of).ToList())).ToList(),
            deadlines.Select(d => DeadlineModel.Of(d, found.Reference)).ToList()));
    }
}

/// <summary>Builds the API's views of dossiers from a query the caller has already filtered (by <see cref="DossierAccess"/>).</summary>
internal sealed class DossierViews(PlatformDbContext db, WorkflowDefinitions definitions)
{
    public async Task<IReadOnlyList<DossierSummary>> SummariesAsync(IQueryable<Dossier> dossiers, CancellationToken cancellationToken)
    {
        var rows = await dossiers.Select(d => new
        {
            d.Id, d.Reference, d.Programme, d.State, d.WorkflowId, d.WorkflowVersion, d.OpenedAt, d.SubmittedOn, d.DecidedOn,
            d.RequestedAmount, d.Version,
            Parties = d.Parties.Select(p => new { p.Role, p.Party.Name, p.Party.EnterpriseNumber }).ToList(),
        }).ToListAsync(cancellationToken);
        var summaries = new List<DossierSummary>(rows.Count);
        foreach (var row in rows)
        {
            // Parsed once per version and kept (WorkflowDefinitions): a page costs a lookup per row, not a parse.
            var definition = await definitions.GetAsync(db, row.WorkflowId, row.WorkflowVersion, cancellationToken);
            var labels = definition.TryGetState(row.State, out var state) ? state.Labels.Values : new Dictionary<string, string>();
            summaries.Add(new DossierSummary(row.Id, row.Reference, row.Programme, row.State, labels, row.OpenedAt, row.SubmittedOn,
                row.DecidedOn, row.RequestedAmount, row.Version,
                row.Parties.Select(p => new DossierPartyModel(p.Role, p.Name, p.EnterpriseNumber?.Digits)).ToList()));
        }

        return summaries;
    }
}
