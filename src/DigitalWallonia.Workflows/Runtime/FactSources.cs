namespace DigitalWallonia.Workflows.Runtime;

/// <summary>The sources a stored dossier fact can have (platform-built facts add <c>register</c>, <c>ledger</c>, <c>companyRegister</c>).</summary>
public static class FactSources
{
    /// <summary>A party gave it with an action (the applicant's SME declaration, a provider's invoice).</summary>
    public const string Declared = "declared";

    /// <summary>A case handler confirmed or corrected a declared value (<c>DossierWorkflow.VerifyFactAsync</c>).</summary>
    public const string Verified = "verified";

    /// <summary>The administration set it: a rule output kept by <c>setField</c>, or staff input kept by <c>setFact</c>.</summary>
    public const string Decided = "decided";
}
