namespace DigitalWallonia.Platform.Certificates;

/// <summary>What a verification concludes, the first that applies in this order.</summary>
public enum CertificateStatus
{
    /// <summary>The document or the certificate record no longer matches what was issued.</summary>
    Altered,

    /// <summary>Withdrawn (the label was taken back) on or before the day of the check.</summary>
    Withdrawn,

    /// <summary>The day of the check is after its last day of validity.</summary>
    Expired,

    Valid,
}
