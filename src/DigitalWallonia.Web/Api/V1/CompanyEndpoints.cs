using System.ComponentModel;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>
/// <c>/api/v1/companies</c>: the organisations that take part in dossiers, and one with what the company register says of
/// it and its dossiers. Staff see every company; a person acting for companies sees those their mandates cover.
/// </summary>
internal static class CompanyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/companies", ListAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("ListCompanies").WithTags("Companies").WithSummary("Companies you may see, by name")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/companies/{enterpriseNumber}", GetAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("GetCompany").WithTags("Companies").WithSummary("A company: the company register's facts and its dossiers you may see")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="Search">Part of the name, or an enterprise number's digits.</param>
    /// <param name="Page">1 for the first page.</param>
    /// <param name="PageSize">1 to 100; 20 by default.</param>
    internal sealed record CompanyFilter(
        [FromQuery(Name = "search")] string? Search,
        [FromQuery(Name = "page")] int? Page,
        [FromQuery(Name = "pageSize")] int? PageSize);

    private static async Task<Results<Ok<CompanyPage>, ProblemHttpResult>> ListAsync([AsParameters] CompanyFilter filter, HttpContext http,
        DossierAccess access, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(filter.Page, filter.PageSize, out var paging, out var wrong))
        {
            return wrong;
        }

        var companies = await access.VisibleCompaniesAsync(http.Requester(), cancellationToken);
        if (filter.Search is { Length: > 0 } search)
        {
            companies = EnterpriseNumber.TryParse(search, out var number, out _)
                ? companies.Where(p => p.EnterpriseNumber == number)
                : companies.Where(p => p.Name.Contains(search));
        }

        var total = await companies.CountAsync(cancellationToken);
        var rows = await companies.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(p => new { p.Name, p.EnterpriseNumber }).ToListAsync(cancellationToken);
        // Only organisations with an enterprise number are companies here (DossierAccess.VisibleCompaniesAsync).
        var items = rows.Select(r => new CompanySummary(r.EnterpriseNumber!.Value.Digits, r.Name)).ToList();
        return TypedResults.Ok(new CompanyPage(items, paging.Page, paging.Size, total));
    }

    private static async Task<Results<Ok<CompanyDetail>, ProblemHttpResult>> GetAsync(
        [Description("The enterprise number, in any usual form (0123.456.749, BE0123456749, 0123456749).")] string enterpriseNumber, HttpContext http,
        DossierAccess access, DossierViews views, CompanyFacts facts, CancellationToken cancellationToken)
    {
        var requester = http.Requester();
        if (!EnterpriseNumber.TryParse(enterpriseNumber, out var number, out _))
        {
            return ApiProblems.NotFound($"There is no company '{enterpriseNumber}'.");
        }

        EnterpriseNumber? wanted = number;
        var party = await (await access.VisibleCompaniesAsync(requester, cancellationToken)).Where(p => p.EnterpriseNumber == wanted)
            .Select(p => new { p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (party is null)
        {
            return ApiProblems.NotFound($"There is no company '{enterpriseNumber}'.");
        }

        var dossiers = (await access.VisibleAsync(requester, cancellationToken)).Where(d => d.Parties.Any(p => p.Party.EnterpriseNumber == wanted))
            .OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Id).Take(Paging.MaxSize);
        return TypedResults.Ok(new CompanyDetail(number.Digits, party.Name, await facts.ForAsync(number, cancellationToken),
            await views.SummariesAsync(dossiers, cancellationToken)));
    }
}

public sealed record CompanySummary(string EnterpriseNumber, string Name);

public sealed record CompanyPage(IReadOnlyList<CompanySummary> Items, int Page, int PageSize, int Total);

/// <summary>
/// A company: its number and name, what the company register says of it (<c>registered: false</c> when it does not know
/// it), its dossiers you may see (the newest 100).
/// </summary>
public sealed record CompanyDetail(string EnterpriseNumber, string Name, JsonObject Register, IReadOnlyList<DossierSummary> Dossiers);
