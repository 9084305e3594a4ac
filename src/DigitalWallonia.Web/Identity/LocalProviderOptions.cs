namespace DigitalWallonia.Web.Identity;

/// <summary>
/// The local identity provider (section <c>Identity:LocalProvider</c>): on in the embedded default and the tests, off
/// unless configured. It plays the federal authentication service for companies and the Region's provider for staff.
/// </summary>
public sealed class LocalProviderOptions
{
    public const string Section = "Identity:LocalProvider";

    public bool Enabled { get; set; }

    /// <summary>The client id the app signs in with (a public client: code flow with PKCE, no secret).</summary>
    public string ClientId { get; set; } = "digitalwallonia-web";

    /// <summary>
    /// Addresses the app is reached at, besides the ones the server listens on (a reverse proxy's, a test server's); the
    /// client's redirect addresses are built from both.
    /// </summary>
    public List<string> AppAddresses { get; set; } = [];

    public List<Persona> Personas { get; set; } = [];

    /// <summary>
    /// The provider's issuer (<c>iss</c> of its tokens), the same on every node behind a load balancer. Unset, each node
    /// names itself by the address it was reached at, and the API accepts the addresses the app answers at.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The RSA private key (PKCS#8 or PKCS#1 PEM) that signs the provider's tokens; the API verifies access tokens with its
    /// public half. Unset, a key generated once is kept in the database (ProviderKeys) and every node reads it.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The 256-bit AES key (base64) that encrypts the provider's authorization codes; unset, as <see cref="SigningKey"/>.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Machine clients (the payment system, the statistics export) that get API tokens by OAuth client credentials.</summary>
    public List<MachineClient> Clients { get; set; } = [];

    /// <summary>
    /// Lets the provider run in the Production environment, where the host otherwise refuses to start with it on: for a
    /// public demonstration server only, never where real people sign in (README, "Signing in").
    /// </summary>
    public bool AllowInProduction { get; set; }

    public LockoutOptions Lockout { get; set; } = new();

    public Persona? Find(string subject) => Personas.Find(p => string.Equals(p.Subject, subject, StringComparison.Ordinal));
}

/// <summary>A demonstration person: who they are, the staff roles the app grants them, the mandates the provider asserts.</summary>
public sealed class Persona
{
    public string Subject { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// The demonstration PIN the person types on the provider's page (the README lists them): what makes a failed
    /// sign-in, and so the lockout, possible. A persona without one cannot sign in.
    /// </summary>
    public string Pin { get; set; } = string.Empty;

    /// <summary>Global roles of workflows/roles.json, or <c>administrator</c>; seeded into the app's own table.</summary>
    public List<string> Roles { get; set; } = [];

    public List<PersonaMandate> Mandates { get; set; } = [];
}

public sealed class PersonaMandate
{
    /// <summary>Ten digits, as in the enterprise register (BE 0xxx.xxx.xxx without punctuation).</summary>
    public string EnterpriseNumber { get; set; } = string.Empty;

    public string CompanyName { get; set; } = string.Empty;

    /// <summary>A party role of workflows/roles.json (company-representative, measure-carrier, ...).</summary>
    public string Role { get; set; } = string.Empty;
}

/// <summary>
/// Another system that calls the API with a bearer token obtained by OAuth client credentials at the provider's token
/// endpoint (<c>/connect/token</c>, <c>grant_type=client_credentials</c>).
/// </summary>
public sealed class MachineClient
{
    public string ClientId { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>From configuration (an environment variable or a secret store, never the repository); a client without one is not registered.</summary>
    public string? Secret { get; set; }

    /// <summary>The API scopes it may ask for (<c>dw.read</c>, <c>dw.act</c>, <c>dw.events</c>).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>
    /// Global roles of workflows/roles.json the app grants it (StaffRoleGrants, its client id as subject): like a person's,
    /// they decide which dossiers it sees and which actions it may take.
    /// </summary>
    public List<string> Roles { get; set; } = [];
}
