using System.ComponentModel;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalWallonia.Web.Api.V1;

/// <summary><c>/api/v1/programmes</c>: the programmes the platform runs, as their published workflows declare them.</summary>
internal static class ProgrammeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/programmes", ListAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("ListProgrammes").WithTags("Programmes").WithSummary("The programmes, their workflows and rule sets");
        api.MapGet("/programmes/{key}", GetAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("GetProgramme").WithTags("Programmes").WithSummary("A programme by key")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<ProgrammeModel>>> ListAsync(PublishedWorkflowList published, CancellationToken cancellationToken) =>
        TypedResults.Ok(Programmes(await published.LatestAsync(cancellationToken)));

    private static async Task<Results<Ok<ProgrammeModel>, ProblemHttpResult>> GetAsync(
        [Description("The programme's key (rentic, cyber, voucher, label...).")] string key, PublishedWorkflowList published,
        CancellationToken cancellationToken) =>
        Programmes(await published.LatestAsync(cancellationToken)).Find(p => p.Key == key) is { } programme
            ? TypedResults.Ok(programme)
            : ApiProblems.NotFound($"There is no programme '{key}'.");

    // A programme's title is its own workflow's (the one named after it), else its first workflow's.
    private static List<ProgrammeModel> Programmes(IReadOnlyList<WorkflowDefinition> latest) =>
        latest.GroupBy(d => d.Programme, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var main = g.FirstOrDefault(d => d.Id == g.Key) ?? g.First();
            return new ProgrammeModel(g.Key, main.Title.Values,
                g.Select(d => new ProgrammeWorkflow(d.Id, d.Version, d.Title.Values)).ToList(),
                g.SelectMany(WorkflowRuleSets.Named).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        }).ToList();
}

/// <summary>A programme: its key, title, the workflows that run its dossiers (latest version of each) and the rule sets they name.</summary>
public sealed record ProgrammeModel(string Key, IReadOnlyDictionary<string, string> Title, IReadOnlyList<ProgrammeWorkflow> Workflows, IReadOnlyList<string> RuleSets);

public sealed record ProgrammeWorkflow(string Id, int LatestVersion, IReadOnlyDictionary<string, string> Title);
