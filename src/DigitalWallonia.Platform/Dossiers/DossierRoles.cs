namespace DigitalWallonia.Platform.Dossiers;

/// <summary>The roles a party can hold in a dossier.</summary>
public static class DossierRoles
{
    public const string Applicant = "applicant";
    public const string Provider = "provider";
    public const string Expert = "expert";
    public const string Promoter = "promoter";
    public const string Payee = "payee";
    public const string Carrier = "carrier";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Applicant, Provider, Expert, Promoter, Payee, Carrier,
    };
}
