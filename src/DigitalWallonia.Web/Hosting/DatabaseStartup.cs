using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Web.Hosting;

/// <summary>
/// Migrates the database (and loads demo data when asked) before anything else starts, the web server included, so
/// that no request ever meets an old schema.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => PlatformDatabase.PrepareAsync(services, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
