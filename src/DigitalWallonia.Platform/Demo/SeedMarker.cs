namespace DigitalWallonia.Platform.Demo;

/// <summary>Says that a seed was loaded, written in the seed's own transaction: present means complete.</summary>
public sealed class SeedMarker
{
    /// <summary>The embedded profile's demonstration data (<see cref="DemoData"/>).</summary>
    public const string Demo = "demo";

    internal SeedMarker(string name, DateTimeOffset loadedAt)
    {
        Name = name;
        LoadedAt = loadedAt;
    }

    /// <summary>Which seed; the primary key, so a second loader of the same seed cannot commit.</summary>
    public string Name { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }
}
