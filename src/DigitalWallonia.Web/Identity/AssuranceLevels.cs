namespace DigitalWallonia.Web.Identity;

/// <summary>
/// The <c>acr</c> values the federal authentication service (CSAM/FAS) reports: the strength of the means a person signed
/// in with. The local provider offers one high and one low level so that a refusal can be tested.
/// </summary>
public static class AssuranceLevels
{
    /// <summary>eID card or itsme.</summary>
    public const string High = "urn:be:fedict:iam:fas:Level450";

    /// <summary>A one-time code by e-mail.</summary>
    public const string Low = "urn:be:fedict:iam:fas:Level200";
}
