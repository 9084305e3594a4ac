using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// Runs the <see cref="OutboxDispatcher"/> in a host: rounds until nothing is due, then a pause of
/// <see cref="OutboxOptions.PollInterval"/>. Each round has its own scope (a fresh DbContext). A failing round (database
/// unreachable) is logged and retried after the pause; it never stops the host.
/// </summary>
public sealed partial class OutboxDispatcherService(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                OutboxBatch batch;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    batch = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken);
                }
                while (batch.Due > 0 && !stoppingToken.IsCancellationRequested);

                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRoundFailed(logger, e);
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox:Enabled is false; this node does not dispatch notifications")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox dispatch round failed; retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
