namespace DigitalWallonia.Platform.Parties;

public enum PartyKind
{
    /// <summary>A company, association or public body, identified by its enterprise number.</summary>
    Organisation,

    /// <summary>A natural person (an expert, a self-employed provider without enterprise number in the data).</summary>
    Person,
}
