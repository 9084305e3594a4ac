namespace DigitalWallonia.Web.Api;

/// <summary>
/// What a machine client's bearer token may do in the API. A person signed in with the session cookie is not limited by
/// scopes: their roles and mandates decide, as on the pages.
/// </summary>
public static class ApiScopes
{
    /// <summary>Read dossiers, documents, companies, programmes, rule sets, workflows and deadlines (the statistics export).</summary>
    public const string Read = "dw.read";

    /// <summary>Fire workflow actions and upload documents, as far as the client's roles allow.</summary>
    public const string Act = "dw.act";

    /// <summary>Report events of another system on a dossier (the payment system confirms a payment).</summary>
    public const string Events = "dw.events";

    /// <summary>The audience of the API's access tokens: a token issued for anything else is refused.</summary>
    public const string Audience = "digitalwallonia-api";

    public static IReadOnlyList<string> All { get; } = [Read, Act, Events];
}
