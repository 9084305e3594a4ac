namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// Which act a programme's grants fall under and which caps they count towards, by programme key. Bound from the
/// <c>Aid</c> section (<c>Aid:Programmes:rentic:Wallet=cheques-entreprises</c>); a programme without an entry grants no
/// State aid (a label, say) and its decisions leave the ledger alone.
/// </summary>
public sealed class ProgrammeAidOptions
{
    public const string Section = "Aid";

    /// <summary>
    /// Defaults: the digital-transformation (RENTIC), cybersecurity and technology cheques are de minimis aid from the
    /// chèques-entreprises wallet (decree of 21 December 2016; docs/sources.md); labels grant no aid.
    /// </summary>
    public Dictionary<string, ProgrammeAid> Programmes { get; set; } = new(StringComparer.Ordinal)
    {
        ["rentic"] = new() { Wallet = "cheques-entreprises", Theme = "digital", ChequeType = "digital-maturity" },
        ["cyber"] = new() { Wallet = "cheques-entreprises", Theme = "digital", ChequeType = "cybersecurity" },
        ["voucher"] = new() { Wallet = "cheques-entreprises", Theme = "innovation", ChequeType = "technology" },
    };

    /// <summary>The terms of a grant decided on <paramref name="decidedOn"/>, or null when the programme grants no aid.</summary>
    public AidTerms? TermsFor(string programme, DateOnly decidedOn) =>
        Programmes.TryGetValue(programme, out var aid) ? new AidTerms(aid.RegulationOn(decidedOn), aid.Wallet, aid.Theme, aid.ChequeType) : null;
}
