using System.ComponentModel.DataAnnotations;
using System.Net.Security;
using MailKit.Security;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// The SMTP server used when <c>Mail:Transport</c> is <c>Smtp</c>. Bound from the <c>Smtp</c> section
/// (<c>Smtp__Host</c>, <c>Smtp__Security</c>, <c>Smtp__Password</c>...). The password is never logged.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The setting <see cref="Security"/> replaced; still set, it refuses the start (<see cref="RetiredStartTlsMessage"/>).</summary>
    internal const string RetiredStartTls = "StartTls";

    internal const string RetiredStartTlsMessage =
        "Smtp:StartTls (Smtp__StartTls) is no longer read: it was replaced by Smtp:Security (Smtp__Security). "
        + "Remove it and set Smtp__Security=StartTls where it was true, Smtp__Security=None where it was false "
        + "(or SslOnConnect for port 465).";

    public string? Host { get; set; }

    /// <summary>Defaults to 587 (submission with STARTTLS); 465 goes with <see cref="SecureSocketOptions.SslOnConnect"/>.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// How the connection is secured (MailKit's <see cref="SecureSocketOptions"/>): <c>StartTls</c> (the default:
    /// upgrade before anything is sent, refuse a server that cannot), <c>SslOnConnect</c> (TLS from the first byte, port
    /// 465), <c>StartTlsWhenAvailable</c>, <c>Auto</c>, or <c>None</c> (a local sink only: mail and password in clear).
    /// The server's certificate must be valid for <see cref="Host"/>.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Credentials; none when <see cref="UserName"/> is empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// How long one message may take, connecting included, before it counts as failed and the server as unavailable.
    /// Defaults to 30 seconds. <c>Outbox:ClaimDuration</c> must be longer.
    /// </summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>
    /// Replaces the certificate check for tests (a self-signed certificate made by the test). Internal, so no
    /// configuration can switch the check off in production.
    /// </summary>
    internal RemoteCertificateValidationCallback? ServerCertificateCheck { get; set; }
}
