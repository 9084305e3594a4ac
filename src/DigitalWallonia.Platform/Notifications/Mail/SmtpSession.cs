using System.Globalization;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// One SMTP connection for a batch: it connects (and authenticates) when the first message goes, and the following ones
/// reuse it. Each message, connecting included, has <see cref="SmtpOptions.TimeoutSeconds"/> in all: MailKit's own
/// timeout bounds each read and write, which a server answering slowly could stretch to many times the setting.
/// </summary>
internal sealed class SmtpSession(SmtpOptions options, string host, MailOptions mail) : IMailSession
{
    private SmtpClient? _client;

    public async Task SendAsync(OutgoingMail outgoing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var message = MailMessages.Create(outgoing, mail);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var client = await ConnectedAsync(deadline.Token, cancellationToken);
        try
        {
            await client.SendAsync(message, deadline.Token);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            // MAIL FROM refused (our sender address, authentication or TLS required): every message would get the same
            // reply and none of them is at fault, so none is dead-lettered for it. The batch waits; the reply is logged.
            throw new MailServerUnavailableException($"{Server} refused the sender: {Reply(e)}", e);
        }
        catch (ServiceNotAuthenticatedException e)
        {
            // 530 to MAIL FROM: the server wants authentication (or TLS) first. A settings problem, like the above.
            throw new MailServerUnavailableException($"{Server} refused the sender: 530 {e.Message}", e);
        }
        catch (SmtpCommandException e)
        {
            // The server refused this message (RCPT or DATA); the connection stays usable and MailKit has reset it.
            throw new MailRejectedException(Reply(e), permanent: (int)e.StatusCode >= 500, e);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Our deadline or MailKit's per-read timeout, whichever came first.
            await DropAsync();
            throw new MailServerUnavailableException($"{Server} did not accept the message within {options.TimeoutSeconds} s", e);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            await DropAsync();
            throw new MailServerUnavailableException($"the connection to {Server} failed: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            using var deadline = new CancellationTokenSource(options.Timeout);
            try
            {
                await client.DisconnectAsync(quit: true, deadline.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
            {
                // Every message of the batch has its outcome already; a QUIT that fails changes none of them.
            }
        }

        _client?.Dispose();
        _client = null;
    }

    private static string Reply(SmtpCommandException e) => $"{((int)e.StatusCode).ToString(CultureInfo.InvariantCulture)} {e.Message}";

    private string Server => $"{host}:{options.Port.ToString(CultureInfo.InvariantCulture)}";

    private async Task<SmtpClient> ConnectedAsync(CancellationToken deadline, CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        await DropAsync();
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (options.ServerCertificateCheck is { } check)
        {
            client.ServerCertificateValidationCallback = check;
        }

        try
        {
            await client.ConnectAsync(host, options.Port, options.Security, deadline);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, deadline);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever fails here (refused connection, TLS, STARTTLS not offered, credentials, no greeting in time) is about
            // the server or our settings, not the message: the batch waits.
            client.Dispose();
            var reason = e is OperationCanceledException or TimeoutException ? $"no answer within {options.TimeoutSeconds} s" : $"{e.GetType().Name}: {e.Message}";
            throw new MailServerUnavailableException($"could not connect to {Server} ({options.Security}): {reason}", e);
        }

        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            try
            {
                await client.DisconnectAsync(quit: false, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SmtpProtocolException)
            {
                // The connection is being thrown away because it failed; closing it may fail too.
            }

            client.Dispose();
        }
    }
}
