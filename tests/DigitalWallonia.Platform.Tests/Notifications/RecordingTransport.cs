using System.Collections.Concurrent;
using DigitalWallonia.Platform.Notifications.Mail;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// A transport that keeps what it is given, or fails with <see cref="Failure"/> while it is set. Its sessions are
/// itself; <see cref="Sessions"/> counts how many were opened.
/// </summary>
internal sealed class RecordingTransport : IMailTransport, IMailSession
{
    private int _sessions;

    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

    /// <summary>Every message handed over, accepted or not.</summary>
    public ConcurrentQueue<OutgoingMail> Tried { get; } = new();

    public bool Failing
    {
        get => Failure is not null;
        set => Failure = value ? () => new MailRejectedException("451 try again later", permanent: false) : null;
    }

    /// <summary>Makes the exception each send throws; null sends.</summary>
    public Func<Exception>? Failure { get; set; }

    /// <summary>Called before each message is handed over (a test changes the database or cancels its token here).</summary>
    public Func<OutgoingMail, Task>? BeforeSend { get; set; }

    /// <summary>Called after each message is accepted (a test cancels its token here).</summary>
    public Action? AfterSend { get; set; }

    public int Sessions => _sessions;

    public IMailSession OpenSession()
    {
        Interlocked.Increment(ref _sessions);
        return this;
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        // A real send takes a moment; yielding lets parallel dispatchers interleave as they would against a server.
        await Task.Yield();
        if (BeforeSend is { } before)
        {
            await before(mail);
        }

        Tried.Enqueue(mail);
        if (Failure is { } failure)
        {
            throw failure();
        }

        Sent.Enqueue(mail);
        AfterSend?.Invoke();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
