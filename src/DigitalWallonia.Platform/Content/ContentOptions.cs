namespace DigitalWallonia.Platform.Content;

/// <summary>Where the declarative content lives (workflows/, rules/, templates/). Bound from the <c>Content</c> section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The folder holding workflows/, rules/ and templates/. Defaults to the first folder, going up from the working
    /// directory and then from the application's folder, that has workflows/roles.json.
    /// </summary>
    public string? Root { get; set; }
}
