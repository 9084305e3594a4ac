using DigitalWallonia.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DigitalWallonia.Web.Api;

/// <summary>
/// The API's errors, each an RFC 9457 problem document (<c>application/problem+json</c>; the problem-details service
/// adds <c>traceId</c>). Besides the standard members, <c>code</c> names the problem for programs (<c>not-found</c>,
/// <c>concurrent-change</c>, <c>invalid-input</c>, a workflow refusal's own code...), and a 422 lists its field errors.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", "not-found", detail);

    public static ProblemHttpResult BadRequest(string detail, string code = "bad-request") =>
        Problem(StatusCodes.Status400BadRequest, "Bad request", code, detail);

    public static ProblemHttpResult ConcurrentChange(string detail) =>
        Problem(StatusCodes.Status409Conflict, "The dossier changed meanwhile", "concurrent-change", detail);

    /// <summary>
    /// Why the workflow refused: 422 with the field errors when the input does not match the action's declaration, 403
    /// when the requester may not take this action here (a role missing, the four-eyes rule), 409 when the dossier's
    /// state does not allow it (not in this state, a guard's rules not met, a legal date missing).
    /// </summary>
    public static ProblemHttpResult Refused(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        switch (rejection.Reason)
        {
            case RejectionReason.InvalidInput:
                return InvalidInput(rejection.Message, rejection.FieldErrors, rejection.Code);
            case RejectionReason.SystemFactRefused:
                return InvalidInput(rejection.Message, [], rejection.Code);
            case RejectionReason.RoleMissing or RejectionReason.SegregationOfDuties:
                return Problem(StatusCodes.Status403Forbidden, "Not allowed to take this action", rejection.Code, rejection.Message,
                    new Dictionary<string, object?> { ["details"] = rejection.Details });
            default:
                return Problem(StatusCodes.Status409Conflict, "The dossier's state does not allow this action", rejection.Code, rejection.Message,
                    new Dictionary<string, object?> { ["details"] = rejection.Details });
        }
    }

    /// <summary>422: <c>errors</c> maps each field path to its messages (as ASP.NET Core's validation problems do), <c>fieldErrors</c> adds each error's code.</summary>
    public static ProblemHttpResult InvalidInput(string detail, IReadOnlyList<InputFieldError> errors, string code = "invalid-input")
    {
        var problem = new HttpValidationProblemDetails(errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The input is not valid",
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["fieldErrors"] = errors.Select(e => new FieldError(e.Field, e.Code, e.Message)).ToList();
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Problem(int status, string title, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }
}

/// <summary>One field error of a 422: the field's path, what is wrong (<c>required</c>, <c>too-large</c>...), the message.</summary>
public sealed record FieldError(string Field, string Code, string Message);
