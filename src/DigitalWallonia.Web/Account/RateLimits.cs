using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DigitalWallonia.Web.Account;

/// <summary>
/// Sign-in abuse: the app's sign-in, the local provider's sign-in page and its OIDC endpoints (token included, which
/// OpenIddict answers before routing) are limited per client address (<c>RateLimits:SignInPerMinute</c>, 30 by default).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 30);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPath(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(Partition(context), _ => Window(perMinute))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(Partition(context), _ => Window(perMinute)));
        });
    }

    private static bool IsSignInPath(PathString path) =>
        path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/identity/sign-in", StringComparison.OrdinalIgnoreCase);

    private static string Partition(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(int perMinute) =>
        new() { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
