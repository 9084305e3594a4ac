namespace DigitalWallonia.Platform.Access;

/// <summary>
/// A global role of the actor model (workflows/roles.json: case-handler, supervisor, ...) or the administrator role, held by
/// a person known by the subject their identity provider gives them. Granted in the app, never taken from a token.
/// </summary>
public sealed class StaffRoleGrant
{
    private StaffRoleGrant()
    {
        Subject = string.Empty;
        Role = string.Empty;
        GrantedBy = string.Empty;
    }

    public StaffRoleGrant(string subject, string role, string grantedBy, DateTimeOffset grantedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        Subject = subject;
        Role = role;
        GrantedBy = grantedBy;
        GrantedAt = grantedAt;
    }

    public long Id { get; private set; }

    public string Subject { get; private set; }

    public string Role { get; private set; }

    public string GrantedBy { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }
}
