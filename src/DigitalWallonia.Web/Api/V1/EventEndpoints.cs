using System.ComponentModel;
using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Web.Access;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>
/// <c>POST /api/v1/dossiers/{dossier}/events/{event}</c>: another system reports what happened on its side (the payment
/// system: <c>payment-confirmed</c>, naming the instalment paid). Machine clients with the <c>dw.events</c> scope only;
/// the dossier reacts as its workflow says.
/// </summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder events)
    {
        events.MapPost("/dossiers/{dossier}/events/{event}", ReceiveAsync).RequireAuthorization(ApiAuthentication.EventsPolicy)
            .WithName("ReportEvent").WithTags("Events")
            .WithSummary("Report another system's event on a dossier (the payment system confirms a payment)")
            .WithDescription("payment-confirmed takes { \"instalment\": NAME, \"paidOn\": \"yyyy-MM-dd\" }. 200 with the state "
                + "reached; 409 when the dossier's state does not expect the event; 422 when the payload does not fit.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<ActionOutcome>, ProblemHttpResult>> ReceiveAsync(
        [Description("The dossier's number (id) or reference.")] string dossier,
        [Description("The event's name (payment-confirmed).")] string @event,
        [Description("What the event says (for payment-confirmed: the instalment and the day it was paid).")] Dictionary<string, JsonElement>? payload,
        HttpContext http, DossierAccess access, DossierWorkflow workflow, CancellationToken cancellationToken)
    {
        var requester = http.Requester();
        if (await access.FindForEventAsync(requester, dossier, ApiScopes.Events, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound($"There is no dossier '{dossier}'.");
        }

        if (@event == DossierWorkflow.PaymentConfirmed && payload?.GetValueOrDefault("instalment") is not { ValueKind: JsonValueKind.String })
        {
            return ApiProblems.InvalidInput($"{DossierWorkflow.PaymentConfirmed} names the instalment paid.",
                [new InputFieldError("instalment", "required", "instalment: the name of the instalment paid is required (a string).")]);
        }

        try
        {
            // The client is the actor of record (history and audit name it); an event needs no role of it.
            var actor = new Actor(requester.Subject, requester.DisplayName, [.. requester.Roles]);
            var trigger = new ExternalEventReceived(@event) { Payload = payload ?? [] };
            return ActionEndpoints.Answer(await workflow.FireAsync(found.Reference, trigger, actor, cancellationToken));
        }
        catch (DossierConflictException conflict)
        {
            return ApiProblems.ConcurrentChange(conflict.Message);
        }
        catch (PaymentNotRecordedException refused)
        {
            return ApiProblems.InvalidInput(refused.Message, [new InputFieldError("instalment", "not-planned", refused.Message)]);
        }
    }
}
