namespace DigitalWallonia.Web.Account;

/// <summary>
/// How the app signs people in (section <c>Authentication</c>): an OpenID Connect provider, FAS for companies or the
/// Region's provider for staff in production, the local provider (Identity/) in the embedded default and tests.
/// </summary>
public sealed class AuthenticationSettings
{
    public const string Section = "Authentication";

    /// <summary>The provider's issuer address; empty means the local provider of this very host.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A confidential client's secret (production); the local provider's client is public and uses PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The levels asked for (acr_values) and the only ones accepted back: the received acr is checked, not assumed.</summary>
    public List<string> AcceptedAcr { get; set; } = [Identity.AssuranceLevels.High];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The Region's provider for staff (<c>Authentication:Staff:Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>,
    /// <c>AcceptedAcr</c>), when staff do not sign in at the companies' provider; its own <c>Staff</c> is not read.
    /// </summary>
    public AuthenticationSettings? Staff { get; set; }
}
