using System.Collections.Concurrent;
using System.Diagnostics;
using DigitalWallonia.Platform.Notifications.Mail;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// Passes everything to a real transport and keeps how long each send took, connecting included: a timeout test
/// measures the send, not the database work of the round around it.
/// </summary>
internal sealed class TimedTransport(IMailTransport inner) : IMailTransport
{
    public ConcurrentQueue<TimeSpan> SendTimes { get; } = new();

    public IMailSession OpenSession() => new Session(inner.OpenSession(), SendTimes);

    private sealed class Session(IMailSession inner, ConcurrentQueue<TimeSpan> times) : IMailSession
    {
        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await inner.SendAsync(mail, cancellationToken);
            }
            finally
            {
                times.Enqueue(watch.Elapsed);
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
