namespace DigitalWallonia.Platform.Demo;

/// <summary>Bound from the <c>Seed</c> section.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Seed";

    /// <summary>
    /// Load demonstration parties and dossiers at start-up (<c>Seed:Demo</c>). Defaults to false; the embedded profile's
    /// appsettings turn it on. Ignored, with a warning, on any database other than the embedded SQLite file.
    /// </summary>
    public bool Demo { get; set; }
}
