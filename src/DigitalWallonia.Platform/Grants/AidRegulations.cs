namespace DigitalWallonia.Platform.Grants;

/// <summary>The act number of each <see cref="AidRegulation"/>, as stored and as the rule sets read it.</summary>
public static class AidRegulations
{
    private static readonly Dictionary<AidRegulation, string> References = new()
    {
        [AidRegulation.DeMinimis2023] = "2023/2831",
        [AidRegulation.DeMinimis2013] = "1407/2013",
        [AidRegulation.DeMinimisAgriculture] = "1408/2013",
        [AidRegulation.DeMinimisFishery] = "717/2014",
        [AidRegulation.DeMinimisGeneralInterest2012] = "360/2012",
        [AidRegulation.DeMinimisGeneralInterest2023] = "2023/2832",
        [AidRegulation.Gber] = "651/2014",
        [AidRegulation.Other] = "other",
    };

    private static readonly Dictionary<string, AidRegulation> ByReference =
        References.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Reference(this AidRegulation regulation) => References[regulation];

    public static AidRegulation Parse(string reference) =>
        ByReference.TryGetValue(reference, out var regulation)
            ? regulation
            : throw new ArgumentException($"'{reference}' is not a known aid regulation; expected one of {string.Join(", ", ByReference.Keys)}.", nameof(reference));

    /// <summary>Whether aid under this act counts towards the de minimis ceiling (each de minimis regulation, art. 5).</summary>
    public static bool IsDeMinimis(this AidRegulation regulation) => regulation is not (AidRegulation.Gber or AidRegulation.Other);
}
