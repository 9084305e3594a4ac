namespace DigitalWallonia.Platform.Companies;

/// <summary>
/// A NACE-BEL activity of an enterprise or establishment unit (activity.csv): the code is only meaningful with its
/// version (2003, 2008, 2025), since each version renumbers activities.
/// </summary>
public sealed class RegisteredActivity
{
    private RegisteredActivity(string entityNumber, string activityGroup, string naceVersion, string naceCode, string classification)
    {
        EntityNumber = entityNumber;
        ActivityGroup = activityGroup;
        NaceVersion = naceVersion;
        NaceCode = naceCode;
        Classification = classification;
    }

    public long Id { get; private set; }

    /// <summary>The ten digits of the enterprise or establishment unit the activity belongs to.</summary>
    public string EntityNumber { get; private set; }

    /// <summary>Who declared it (code.csv category ActivityGroup: 001 VAT, 003 social security, ...).</summary>
    public string ActivityGroup { get; private set; }

    public string NaceVersion { get; private set; }

    /// <summary>As published, digits only (62010); <see cref="DottedCode"/> gives 62.010.</summary>
    public string NaceCode { get; private set; }

    /// <summary>MAIN, SECO (secondary) or ANCI (auxiliary).</summary>
    public string Classification { get; private set; }

    /// <summary>The code the way the rules read it: 62010 → 62.010, 0111 → 01.11.</summary>
    public string DottedCode => NaceCode.Length > 2 ? $"{NaceCode[..2]}.{NaceCode[2..]}" : NaceCode;

    internal static RegisteredActivity New(string entityNumber, string group, string version, string code, string classification) =>
        new(entityNumber, group, version, code, classification);
}
