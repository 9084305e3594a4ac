namespace DigitalWallonia.Platform.Notifications;

/// <summary>Where people reach the platform, for links in mail and letters. Bound from the <c>Site</c> section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public base address (<c>Site__BaseUrl=https://aides.digitalwallonia.be</c>). Defaults to http://localhost:5000.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
}
