namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// How a message addresses its reader, by who they are rather than by the dossier: the salutation of French (and
/// German, Dutch, English) correspondence and the page the message's link opens.
/// <para>
/// A company's contact or a party's mailbox gets the neutral formal salutation ("Madame, Monsieur,"): usage writes
/// "Madame Dubois," only when the civility is known, and the platform does not record it — writing the person's full name
/// after "Madame, Monsieur" ("Madame, Monsieur Ana Costa,") is wrong in French. A team mailbox (a staff role's) is a
/// colleague: "Bonjour,". Links open the dossier where its reader works on it: the company portal for parties, the
/// workspace for staff, on the site's public address (<see cref="SiteOptions.BaseUrl"/>).
/// </para>
/// </summary>
public static class Addressing
{
    public static string Salutation(string? language, bool staff) => (language, staff) switch
    {
        ("en", false) => "Dear Sir or Madam,",
        ("en", true) => "Hello,",
        ("de", false) => "Sehr geehrte Damen und Herren,",
        ("de", true) => "Guten Tag,",
        ("nl", false) => "Geachte mevrouw, geachte heer,",
        ("nl", true) => "Goedendag,",
        (_, false) => "Madame, Monsieur,",
        (_, true) => "Bonjour,",
    };

    /// <summary>The dossier's page for its reader: <c>/Portal/Dossier/{ref}</c> for a party, <c>/Workspace/Dossiers/{ref}</c> for staff.</summary>
    public static string DossierUrl(string baseUrl, string reference, bool staff)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var path = staff ? "/Workspace/Dossiers/" : "/Portal/Dossier/";
        return baseUrl.TrimEnd('/') + path + Uri.EscapeDataString(reference);
    }
}
