namespace DigitalWallonia.Platform.Access;

/// <summary>
/// A person who signed in at least once: the subject their identity provider gives them and the name it last gave, so that
/// administrators grant roles to people they can recognise rather than to opaque identifiers.
/// </summary>
public sealed class KnownPerson
{
    private KnownPerson()
    {
        Subject = string.Empty;
        Name = string.Empty;
    }

    public KnownPerson(string subject, string name, DateTimeOffset signedInAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        Subject = subject;
        Name = name;
        LastSignedInAt = signedInAt;
    }

    public string Subject { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset LastSignedInAt { get; private set; }

    public void SignedIn(string name, DateTimeOffset at)
    {
        Name = name;
        LastSignedInAt = at;
    }
}
