using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Hosting;

internal static class HealthEndpoints
{
    /// <summary>GET /health: 200 when the database answers, 503 otherwise (for load balancers and CI).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).WithName("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var provider = db.Database.ProviderName ?? "unknown";
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                return TypedResults.Ok(new HealthReport("healthy", provider));
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return TypedResults.Json(new HealthReport("unhealthy: " + e.Message, provider), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Json(new HealthReport("unhealthy: the database does not answer", provider), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
