namespace DigitalWallonia.Platform.Access;

/// <summary>
/// One change to who may do what, as it happened: a staff role granted or revoked (with its programme scope), a mandate
/// granted or revoked in the app. Append-only: the grant tables say who holds what now, this says who changed it and when.
/// </summary>
public sealed class AccessChange
{
    public const string RoleGranted = "role-granted";
    public const string RoleRevoked = "role-revoked";
    public const string MandateGranted = "mandate-granted";
    public const string MandateRevoked = "mandate-revoked";

    private AccessChange()
    {
        Kind = string.Empty;
        ChangedBy = string.Empty;
        Subject = string.Empty;
        Role = string.Empty;
    }

    private AccessChange(string kind, string changedBy, DateTimeOffset occurredAt, string subject, string role, string? programme, string? enterpriseNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        Kind = kind;
        ChangedBy = changedBy;
        OccurredAt = occurredAt;
        Subject = subject;
        Role = role;
        Programme = programme;
        EnterpriseNumber = enterpriseNumber;
    }

    public static AccessChange ForRole(bool granted, StaffRoleGrant grant, string changedBy, DateTimeOffset at) =>
        new(granted ? RoleGranted : RoleRevoked, changedBy, at, grant.Subject, grant.Role, grant.Programme, null);

    public static AccessChange ForMandate(bool granted, Mandate mandate, string changedBy, DateTimeOffset at) =>
        new(granted ? MandateGranted : MandateRevoked, changedBy, at, mandate.Subject, mandate.Role, null, mandate.EnterpriseNumber);

    public long Id { get; private set; }

    /// <summary><see cref="RoleGranted"/>, <see cref="RoleRevoked"/>, <see cref="MandateGranted"/> or <see cref="MandateRevoked"/>.</summary>
    public string Kind { get; private set; }

    /// <summary>Who made the change: an administrator's subject, or the configuration that seeded it.</summary>
    public string ChangedBy { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The person whose access changed.</summary>
    public string Subject { get; private set; }

    /// <summary>The staff role or the mandate's party role.</summary>
    public string Role { get; private set; }

    /// <summary>A role's programme scope (<see cref="StaffRoleGrant.EveryProgramme"/> for all); null for a mandate.</summary>
    public string? Programme { get; private set; }

    /// <summary>A mandate's enterprise (ten digits); null for a role.</summary>
    public string? EnterpriseNumber { get; private set; }
}
