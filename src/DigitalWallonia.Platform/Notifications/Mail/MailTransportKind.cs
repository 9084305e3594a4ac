namespace DigitalWallonia.Platform.Notifications.Mail;

public enum MailTransportKind
{
    /// <summary>Writes each message as an .eml file into <see cref="MailOptions.PickupFolder"/>: no mail server needed.</summary>
    Pickup,

    /// <summary>Sends through the SMTP server of <see cref="SmtpOptions"/>.</summary>
    Smtp,
}
