using System.Collections.Concurrent;
using DigitalWallonia.Platform.Notifications.Mail;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>A transport that keeps what it is given, or fails while <see cref="Failing"/> is set.</summary>
internal sealed class RecordingTransport : IMailTransport
{
    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

    public bool Failing { get; set; }

    /// <summary>Called after each message is accepted (a test cancels its token here).</summary>
    public Action? AfterSend { get; set; }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        // A real send takes a moment; yielding lets parallel dispatchers interleave as they would against a server.
        await Task.Yield();
        if (Failing)
        {
            throw new System.Net.Mail.SmtpException("451 try again later");
        }

        Sent.Enqueue(mail);
        AfterSend?.Invoke();
    }
}
