using System.ComponentModel.DataAnnotations;

namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>How messages leave the platform. Bound from the <c>Mail</c> section (<c>Mail__Transport=Smtp</c>).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Defaults to <see cref="MailTransportKind.Pickup"/>, so the product runs without a mail server.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Where the pickup transport writes .eml files. Defaults to ./data/mail, relative to the working directory.</summary>
    [Required]
    public string PickupFolder { get; set; } = "./data/mail";

    /// <summary>The sender address. Defaults to no-reply@digitalwallonia.be.</summary>
    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@digitalwallonia.be";

    /// <summary>The sender's display name. Defaults to "Digital Wallonia".</summary>
    public string FromName { get; set; } = "Digital Wallonia";
}
