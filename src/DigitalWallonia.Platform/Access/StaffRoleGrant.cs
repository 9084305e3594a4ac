namespace DigitalWallonia.Platform.Access;

/// <summary>
/// A global role of the actor model (workflows/roles.json: case-handler, supervisor, ...) or the administrator role, held by
/// a person known by the subject their identity provider gives them, for every programme or for one. Granted in the app,
/// never taken from a token.
/// </summary>
public sealed class StaffRoleGrant
{
    private StaffRoleGrant()
    {
        Subject = string.Empty;
        Role = string.Empty;
        Programme = EveryProgramme;
        GrantedBy = string.Empty;
    }

    public StaffRoleGrant(string subject, string role, string grantedBy, DateTimeOffset grantedAt, string programme = EveryProgramme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentException.ThrowIfNullOrWhiteSpace(programme);
        Subject = subject;
        Role = role;
        Programme = programme;
        GrantedBy = grantedBy;
        GrantedAt = grantedAt;
    }

    /// <summary>
    /// The programme scope of a grant that holds for all programmes. A value rather than null, so that the unique index
    /// (subject, role, programme) means the same on every database (null is distinct in some, equal in others).
    /// </summary>
    public const string EveryProgramme = "*";

    public long Id { get; private set; }

    public string Subject { get; private set; }

    public string Role { get; private set; }

    /// <summary>The programme key the role holds for, or <see cref="EveryProgramme"/>.</summary>
    public string Programme { get; private set; }

    public string GrantedBy { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }
}
