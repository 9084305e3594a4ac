using Microsoft.Extensions.Hosting;

namespace DigitalWallonia.Scheduling.TestNode;

/// <summary>A node's host that stops its scheduler and disposes it asynchronously, even when the test failed midway.</summary>
public sealed class RunningNode(IHost host) : IAsyncDisposable
{
    private bool _started;

    public IServiceProvider Services => host.Services;

    public async Task StartAsync()
    {
        _started = true;
        await host.StartAsync();
    }

    public Task StopAsync() => host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started)
            {
                await host.StopAsync();
            }
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
