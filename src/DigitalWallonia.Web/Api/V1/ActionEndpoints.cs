using System.ComponentModel;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Web.Access;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>
/// <c>POST /api/v1/dossiers/{dossier}/actions/{action}</c>: a person or a client takes a workflow action, with its typed
/// input, through <see cref="DossierWorkflow"/>, exactly as a page would.
/// </summary>
internal static class ActionEndpoints
{
    public static void Map(RouteGroupBuilder dossier)
    {
        dossier.MapPost("/actions/{action}", FireAsync).RequireAuthorization(ApiAuthentication.ActPolicy)
            .WithName("FireAction").WithTags("Actions")
            .WithSummary("Take an action on a dossier with its typed input")
            .WithDescription("200 with the state reached. 422 lists the input's field errors; 409 when the dossier changed since "
                + "expectedVersion or meanwhile, or its state does not allow the action; 403 when your roles do not.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<ActionOutcome>, ProblemHttpResult>> FireAsync(
        [Description("The dossier's number (id) or reference.")] string dossier,
        [Description("The action's name, as the dossier's actions list it (submit, approve...).")] string action,
        [Description("The action's input, and the dossier version it was decided on.")] ActionRequest? request,
        HttpContext http, DossierAccess access, DossierWorkflow workflow, CancellationToken cancellationToken)
    {
        var found = http.Dossier();
        var trigger = new ActorActionFired(action) { Input = request?.Input ?? new Dictionary<string, JsonElement>() };
        try
        {
            return Answer(await workflow.FireAsync(found.Reference, trigger, access.ActorFor(http.Requester(), found), request?.ExpectedVersion, cancellationToken));
        }
        catch (DossierConflictException conflict)
        {
            return ApiProblems.ConcurrentChange(conflict.Message);
        }
    }

    /// <summary>The state reached, or why the workflow refused (<see cref="ApiProblems.Refused"/>).</summary>
    internal static Results<Ok<ActionOutcome>, ProblemHttpResult> Answer(FiringReport report) =>
        report.Rejection is { } refused
            ? ApiProblems.Refused(refused)
            : TypedResults.Ok(new ActionOutcome(report.Reference, report.State, report.Version));
}

/// <summary>
/// An action's input, by field key as the action declares it (a document field takes what the upload answered), and
/// optionally the dossier <c>version</c> the caller decided on: if the dossier has changed since, nothing is done (409).
/// </summary>
public sealed record ActionRequest(Dictionary<string, JsonElement>? Input, long? ExpectedVersion);

/// <summary>The dossier after the action: the state it reached and its new version (the one a next action expects).</summary>
public sealed record ActionOutcome(string Reference, string State, long Version);
