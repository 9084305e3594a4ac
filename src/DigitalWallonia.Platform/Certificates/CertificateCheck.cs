namespace DigitalWallonia.Platform.Certificates;

/// <summary>The verification of one certificate on <see cref="CheckedOn"/>: what it says, and whether it still holds.</summary>
public sealed record CertificateCheck(
    Certificate Certificate,
    string DossierReference,
    string HolderName,
    string? HolderEnterpriseNumber,
    string? ProfessionalName,
    string? SupersededBy,
    DateOnly CheckedOn,
    CertificateStatus Status,
    IReadOnlyList<string> Problems)
{
    public bool IsValid => Status == CertificateStatus.Valid;
}
