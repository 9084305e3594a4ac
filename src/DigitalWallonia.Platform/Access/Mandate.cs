namespace DigitalWallonia.Platform.Access;

/// <summary>
/// A person's mandate to act for an enterprise in a party role of the actor model (company-representative, provider, ...),
/// as the identity provider last asserted it (FAS gives the mandates of the person for the enterprise they chose), or as an
/// administrator granted it in the app (<see cref="GrantedBy"/>), which no sign-in removes.
/// </summary>
public sealed class Mandate
{
    private Mandate()
    {
        Subject = string.Empty;
        EnterpriseNumber = string.Empty;
        Role = string.Empty;
    }

    public Mandate(string subject, string enterpriseNumber, string role, DateTimeOffset assertedAt, string? grantedBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        Subject = subject;
        EnterpriseNumber = enterpriseNumber;
        Role = role;
        AssertedAt = assertedAt;
        GrantedBy = grantedBy;
    }

    public long Id { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The ten digits of the enterprise number, as <see cref="Parties.EnterpriseNumber"/> stores them.</summary>
    public string EnterpriseNumber { get; private set; }

    public string Role { get; private set; }

    /// <summary>When the identity provider last asserted it; a mandate it stops asserting is removed at the next sign-in.</summary>
    public DateTimeOffset AssertedAt { get; private set; }

    /// <summary>The administrator (subject) who granted it in the app; null when the identity provider asserts it.</summary>
    public string? GrantedBy { get; private set; }

    public void Reassert(DateTimeOffset at) => AssertedAt = at;
}
