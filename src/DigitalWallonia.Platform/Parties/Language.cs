namespace DigitalWallonia.Platform.Parties;

/// <summary>The languages the platform writes in; French is the reference and the fallback.</summary>
public static class Language
{
    public const string French = "fr";

    public static readonly IReadOnlyList<string> Supported = ["fr", "nl", "de", "en"];

    /// <summary>Lower-cases a culture code ("FR", "fr-BE" → "fr"); null when it is not one of <see cref="Supported"/>.</summary>
    public static string? Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var two = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Supported.Contains(two) ? two : null;
    }
}
