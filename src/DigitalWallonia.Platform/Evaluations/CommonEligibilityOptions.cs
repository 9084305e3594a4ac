namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// Which common rule sets (rules/common) each programme's eligibility evaluates, by the programme rule set's name
/// (section <c>CommonEligibility</c>). The guard evaluator runs them beside the programme's own rules, on inputs the
/// platform builds (company register, aid ledger, the applicant's declaration), and the eligibility passes only when
/// all of them pass. Sources of each choice: rules-common.md and the programme pages.
/// </summary>
public sealed class CommonEligibilityOptions
{
    public const string Section = "CommonEligibility";

    public Dictionary<string, ProgrammeEligibility> RuleSets { get; set; } = new(StringComparer.Ordinal)
    {
        // Technology voucher: an SME with an establishment unit in Wallonia, registered and active, not a non-profit (the
        // cheque is reserved to commercial firms), outside the de minimis excluded sectors, within de minimis and the
        // cheque caps.
        ["voucher-eligibility"] = new()
        {
            Programme = "voucher", Scheme = "technology", AidOutput = "requestedAid", SeatRule = "OperatingSeatInWallonia",
        },
        // On the grant date (guard of the decision): de minimis and the cheque caps only, the aid being this voucher's.
        ["voucher-grant"] = new()
        {
            Programme = "voucher", Scheme = "technology", AidOutput = "requestedAid", GrantOnly = true,
        },
        // Cybersecurity cheque: the same checks; the digital-sector exclusion is dated in ExcludedSectors.
        ["cyber-eligibility"] = new()
        {
            Programme = "cyber", Scheme = "cybersecurity", AidOutput = "plannedAid", SeatRule = "OperatingSeatInWallonia",
        },
        // Digital maturity cheque (RENTIC): the MAIN operating seat must be in Wallonia (SPW Economie), and the digital
        // sector is excluded.
        ["rentic-eligibility"] = new()
        {
            Programme = "rentic", Scheme = "digital-maturity", AidOutput = "requestedAid", SeatRule = "MainOperatingSeatInWallonia",
        },
    };

    /// <summary>The programmes whose dossiers get the company and ledger facts.</summary>
    public IReadOnlySet<string> Programmes() => RuleSets.Values.Select(r => r.Programme).ToHashSet(StringComparer.Ordinal);
}

/// <summary>How one programme's eligibility uses the common rule sets.</summary>
public sealed class ProgrammeEligibility
{
    /// <summary>Programme key (dossier programme), for its aid terms (wallet, cheque type, theme).</summary>
    public string Programme { get; set; } = "";

    /// <summary>The scheme key the sector and legal-form rules know (ExcludedSectors, LegalForm: application.scheme).</summary>
    public string Scheme { get; set; } = "";

    /// <summary>The programme rule set's output holding the aid requested (EUR of aid, not the cost): what de minimis and the caps add.</summary>
    public string AidOutput { get; set; } = "";

    /// <summary>OperatingSeatInWallonia (a unit in Wallonia) or MainOperatingSeatInWallonia (the main seat).</summary>
    public string SeatRule { get; set; } = "OperatingSeatInWallonia";

    /// <summary>
    /// Only the checks of the grant date (DeMinimis, ChequeCaps): for the rule set a decision's guard evaluates as of the
    /// day the right is conferred. Otherwise every common check runs (the eligibility at submission, where de minimis and
    /// the caps are an early warning that sends the request to a case handler).
    /// </summary>
    public bool GrantOnly { get; set; }
}
