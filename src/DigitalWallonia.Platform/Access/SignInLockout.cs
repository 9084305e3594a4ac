namespace DigitalWallonia.Platform.Access;

/// <summary>
/// The local identity provider's count of a person's failed sign-ins since their last success, and the end of their
/// lockout once too many failed. In the database so that every node counts the same failures and refuses the same person.
/// </summary>
public sealed class SignInLockout
{
    private SignInLockout() => Subject = string.Empty;

    public SignInLockout(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        Subject = subject;
    }

    public string Subject { get; private set; }

    /// <summary>Failures since the last success or the end of the last lockout.</summary>
    public int Failures { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    /// <summary>Until when every sign-in of this person is refused, the right PIN included; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }
}
