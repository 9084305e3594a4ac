namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// What the ledger needs to know about an aid besides the decision: the act it is granted under and the cap families
/// it counts towards (the chèques-entreprises wallet, a theme such as "digital", a cheque type such as
/// "digital-maturity"). Keys are those the rule sets use.
/// </summary>
public sealed record AidTerms(AidRegulation Regulation, string? Wallet = null, string? Theme = null, string? ChequeType = null);
