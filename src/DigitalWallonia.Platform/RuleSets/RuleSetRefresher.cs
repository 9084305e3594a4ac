using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.RuleSets;

/// <summary>
/// Polls the publication counter every <see cref="Interval"/> and reloads the rule sets when it moved, so a publication
/// through any node is evaluated by this one within seconds. Wall-clock time, not the platform's clock: this is plumbing,
/// not a legal date. A failed poll (database unreachable) is logged and retried; it never stops the host.
/// </summary>
public sealed partial class RuleSetRefresher(IServiceScopeFactory scopes, RuleSetCatalogue catalogue, ILogger<RuleSetRefresher> logger) : BackgroundService
{
    /// <summary>Well under the 5 seconds a publication may take to reach every node.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await catalogue.RefreshAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), stoppingToken))
                {
                    LogReloaded(logger);
                }

                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPollFailed(logger, e);
                try
                {
                    await Task.Delay(Interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule sets reloaded after a publication")]
    private static partial void LogReloaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the rule-set publications failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
