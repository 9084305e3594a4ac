using DigitalWallonia.Platform.Notifications.Mail;

namespace DigitalWallonia.Platform.Parties;

/// <summary>A person to write to on behalf of a party, in the language they prefer.</summary>
public sealed class Contact
{
    internal Contact(string name, string email, string preferredLanguage)
    {
        if (!MailAddresses.IsValid(email))
        {
            throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        }

        Name = name;
        Email = email.Trim();
        PreferredLanguage = Language.Normalise(preferredLanguage)
            ?? throw new ArgumentException($"'{preferredLanguage}' is not a supported language ({string.Join(", ", Language.Supported)}).", nameof(preferredLanguage));
    }

    public long Id { get; private set; }

    public long PartyId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    /// <summary>fr, nl, de or en.</summary>
    public string PreferredLanguage { get; private set; }
}
