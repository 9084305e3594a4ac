using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Hosting;

internal static class HealthEndpoints
{
    /// <summary>
    /// GET /health: 200 "healthy" when the database answers, 200 "degraded: ..." when deadlines or their reminders failed
    /// all their attempts (the node serves, but someone must look: <c>dw deadlines list --failed</c>), 503 when the database does not
    /// answer. Anonymous, so it says what is wrong but never echoes an exception's text (a server name, a user, a path):
    /// that goes to the log.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).WithName("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(PlatformDbContext db, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var provider = db.Database.ProviderName ?? "unknown";
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                var failed = await db.Deadlines.CountAsync(Deadline.GivenUp, cancellationToken);
                return TypedResults.Ok(new HealthReport(failed == 0 ? "healthy"
                    : $"degraded: {failed} deadline(s) or their reminders failed all their attempts (dw deadlines list --failed)", provider));
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogError(e, "Health check: the database does not answer");
        }

        return TypedResults.Json(new HealthReport("unhealthy: the database does not answer", provider), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
