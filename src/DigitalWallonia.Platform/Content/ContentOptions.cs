namespace DigitalWallonia.Platform.Content;

/// <summary>Where the declarative content lives (workflows/, rules/, templates/, calendars/). Bound from the <c>Content</c> section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The folder holding workflows/, rules/, templates/ and calendars/. Defaults to the application's folder when it
    /// has workflows/roles.json (a published node), else to the first folder with it going up from the working
    /// directory and then from the application's folder (a repository checkout).
    /// </summary>
    public string? Root { get; set; }
}
