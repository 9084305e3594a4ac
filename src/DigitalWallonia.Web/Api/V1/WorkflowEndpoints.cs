using System.ComponentModel;
using System.Text.Json;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Api.V1;

/// <summary><c>/api/v1/workflows</c>: the published workflow definitions, each version as published, and its state diagram in Mermaid.</summary>
internal static class WorkflowEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/workflows", ListAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("ListWorkflows").WithTags("Workflows").WithSummary("The published workflows and their versions");
        api.MapGet("/workflows/{id}/versions/{version:int}", GetAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("GetWorkflowVersion").WithTags("Workflows")
            .WithSummary("A published version: its states, transitions and JSON source")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/workflows/{id}/versions/{version:int}/graph", GraphAsync).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("GetWorkflowGraph").WithTags("Workflows")
            .WithSummary("A published version drawn as a Mermaid state diagram")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<WorkflowSummary>>> ListAsync(PublishedWorkflowList published, CancellationToken cancellationToken)
    {
        var all = await published.AllAsync(cancellationToken);
        return TypedResults.Ok(all.GroupBy(v => v.Definition.Id, StringComparer.Ordinal).Select(g =>
        {
            var latest = g.MaxBy(v => v.Definition.Version).Definition;
            return new WorkflowSummary(latest.Id, latest.Programme, latest.Title.Values, latest.Version, g.Select(v => v.Definition.Version).ToList());
        }).ToList());
    }

    private static async Task<Results<Ok<WorkflowVersionModel>, ProblemHttpResult>> GetAsync(
        [Description("The workflow's id (rentic, voucher...).")] string id,
        [Description("A published version number.")] int version, PlatformDbContext db,
        WorkflowDefinitions definitions, CancellationToken cancellationToken)
    {
        var stored = await db.PublishedWorkflows.AsNoTracking().Where(w => w.WorkflowId == id && w.Version == version)
            .Select(w => new { w.Source, w.PublishedAt, w.PublishedBy }).SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return NotPublished(id, version);
        }

        var definition = await definitions.GetAsync(db, id, version, cancellationToken);
        using var source = JsonDocument.Parse(stored.Source);
        return TypedResults.Ok(new WorkflowVersionModel(definition.Id, definition.Version, definition.Programme, definition.Title.Values,
            definition.Description.Values, stored.PublishedAt, stored.PublishedBy,
            definition.States.Select(s => new StateModel(s.Id, JsonNamingPolicy.CamelCase.ConvertName(s.Kind.ToString()), s.Labels.Values, s.Roles)).ToList(),
            definition.Transitions.Select(t => new TransitionModel(t.Id, t.From, t.To, t.Trigger.Describe(),
                t.Trigger is ActorActionTrigger action ? action.Roles : [], t.Guard?.RuleSet, t.Labels.Values)).ToList(),
            WorkflowRuleSets.Named(definition).Order(StringComparer.Ordinal).ToList(),
            source.RootElement.Clone()));
    }

    private static async Task<Results<Ok<WorkflowGraph>, ProblemHttpResult>> GraphAsync(
        [Description("The workflow's id.")] string id,
        [Description("A published version number.")] int version,
        [Description("The labels' language: fr (default), nl, de or en.")] string? culture,
        PlatformDbContext db, WorkflowDefinitions definitions, CancellationToken cancellationToken)
    {
        if (!await db.PublishedWorkflows.AnyAsync(w => w.WorkflowId == id && w.Version == version, cancellationToken))
        {
            return NotPublished(id, version);
        }

        var language = culture is { } asked && LocalizedText.Cultures.Contains(asked, StringComparer.Ordinal) ? asked : "fr";
        var definition = await definitions.GetAsync(db, id, version, cancellationToken);
        return TypedResults.Ok(new WorkflowGraph(id, version, language, MermaidRenderer.Render(definition, language)));
    }

    private static ProblemHttpResult NotPublished(string id, int version) =>
        ApiProblems.NotFound($"Workflow '{id}' has no published version {version}.");
}

public sealed record WorkflowSummary(string Id, string Programme, IReadOnlyDictionary<string, string> Title, int LatestVersion, IReadOnlyList<int> Versions);

/// <summary>A published workflow version: what it is, its states and transitions, the rule sets it names, its JSON source as published.</summary>
public sealed record WorkflowVersionModel(
    string Id,
    int Version,
    string Programme,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Description,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    IReadOnlyList<StateModel> States,
    IReadOnlyList<TransitionModel> Transitions,
    IReadOnlyList<string> RuleSets,
    JsonElement Source);

public sealed record StateModel(string Id, string Kind, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Roles);

/// <summary>
/// A transition: its trigger as words (<c>action approve</c>, <c>timer documents</c>, <c>event payment-confirmed</c>), the
/// roles an action names, the rule set of its guard.
/// </summary>
public sealed record TransitionModel(string Id, string From, string To, string Trigger, IReadOnlyList<string> Roles, string? Guard,
    IReadOnlyDictionary<string, string> Labels);

/// <summary>A workflow version as a Mermaid <c>stateDiagram-v2</c>, labelled in <c>culture</c>.</summary>
public sealed record WorkflowGraph(string Id, int Version, string Culture, string Mermaid);
