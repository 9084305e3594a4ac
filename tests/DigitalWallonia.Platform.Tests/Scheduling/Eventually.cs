using System.Diagnostics;

namespace DigitalWallonia.Platform.Tests.Scheduling;

/// <summary>
/// Waits for real scheduler nodes (threads, processes) to reach a state. Time logic itself is tested with
/// <see cref="FakeClock"/>; this is only for end-to-end runs whose progress has no clock to advance.
/// </summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not within {timeout}: {what}");
            }

            await Task.Delay(100);
        }
    }
}
