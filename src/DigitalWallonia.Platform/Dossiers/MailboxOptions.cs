namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// Where notifications for people holding a global role go (the case handlers' team mailbox, say): role key to e-mail
/// address. Bound from the <c>Mailboxes</c> section (<c>Mailboxes__case-handler=dgo6@example.org</c>). Party-scoped
/// roles are written to the party's contacts instead.
/// </summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailboxes";

    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.Ordinal);
}
