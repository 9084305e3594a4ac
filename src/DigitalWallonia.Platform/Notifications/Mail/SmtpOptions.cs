using System.ComponentModel.DataAnnotations;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// The SMTP server used when <c>Mail:Transport</c> is <c>Smtp</c>. Bound from the <c>Smtp</c> section
/// (<c>Smtp__Host</c>, <c>Smtp__Password</c>...). The password is never logged.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    /// <summary>Defaults to 587 (submission).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before authenticating. Defaults to true; a local test sink needs false.</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>Credentials; none when <see cref="UserName"/> is empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one send may take before it counts as failed. Defaults to 30 seconds.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
