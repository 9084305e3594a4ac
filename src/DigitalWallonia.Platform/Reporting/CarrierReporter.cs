namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// A person who reports for a carrier, known by the subject their identity provider gives them (for organisations
/// whose staff sign in without a mandate). Their e-mail address is a contact of the carrier's party, where the
/// notifications go.
/// </summary>
public sealed class CarrierReporter
{
    private CarrierReporter()
    {
        CarrierKey = Subject = Name = AddedBy = string.Empty;
    }

    internal CarrierReporter(string carrierKey, string subject, string name, string addedBy, DateTimeOffset addedAt)
    {
        CarrierKey = carrierKey;
        Subject = subject;
        Name = name;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public long Id { get; private set; }

    public string CarrierKey { get; private set; }

    public string Subject { get; private set; }

    public string Name { get; private set; }

    public string AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
