namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// Which common rule sets (rules/common) each programme rule set evaluates with it, by the programme rule set's name
/// (section <c>CommonEligibility</c>). The guard evaluator runs them beside the programme's own rules, on inputs the
/// platform builds (company register, aid ledger, the applicant's declaration), and the evaluation passes only when
/// all of them pass. Sources of each choice: rules-common.md, grants.md and the programme pages.
/// </summary>
public sealed class CommonEligibilityOptions
{
    public const string Section = "CommonEligibility";

    public Dictionary<string, ProgrammeEligibility> RuleSets { get; set; } = new(StringComparer.Ordinal)
    {
        // Technology voucher: an SME with an establishment unit in Wallonia, registered and active, not a non-profit (the
        // cheque is reserved to commercial firms), outside the de minimis excluded sectors, within de minimis and the
        // cheque caps. At submission de minimis and the caps are an early warning.
        ["voucher-eligibility"] = new()
        {
            Programme = "voucher", Scheme = "technology", AidOutput = "requestedAid", SeatRule = "OperatingSeatInWallonia",
        },
        // On the grant date (guard of the decision): de minimis and the cheque caps only, the aid being this voucher's.
        ["voucher-grant"] = new()
        {
            Programme = "voucher", Scheme = "technology", AidOutput = "requestedAid", Checks = CommonChecks.GrantDate,
        },
        // Cybersecurity cheque: the same checks; the digital-sector exclusion is dated in ExcludedSectors.
        ["cyber-eligibility"] = new()
        {
            Programme = "cyber", Scheme = "cybersecurity", AidOutput = "plannedAid", SeatRule = "OperatingSeatInWallonia",
        },
        // The premium's grant (guard of grant-premium, as of the decision day): de minimis and the caps with its amount.
        ["cyber-premium"] = new()
        {
            Programme = "cyber", Scheme = "cybersecurity", AidOutput = "amount", Checks = CommonChecks.GrantDate,
        },
        // Digital maturity cheque (RENTIC): the MAIN operating seat must be in Wallonia (SPW Economie), and the digital
        // sector is excluded.
        ["rentic-eligibility"] = new()
        {
            Programme = "rentic", Scheme = "digital-maturity", AidOutput = "requestedAid", SeatRule = "MainOperatingSeatInWallonia",
        },
        // The premium's grant, as of the decision day: by one case handler (rentic-approval, which also says whether a
        // second signature is needed), or when a supervisor countersigns or a proposal goes to one (rentic-grant).
        ["rentic-approval"] = new()
        {
            Programme = "rentic", Scheme = "digital-maturity", AidOutput = "grantedAid", Checks = CommonChecks.GrantDate,
        },
        ["rentic-grant"] = new()
        {
            Programme = "rentic", Scheme = "digital-maturity", AidOutput = "grantedAid", Checks = CommonChecks.GrantDate,
        },
        // Digital Wallonia label: the promoter is registered and active at the BCE (non-profits are welcome: the label is
        // no State aid) and the initiative is Walloon: the promoter's registered office or one of its establishment units
        // is in Wallonia. Checked with the charter on application and renewal, and again for the committee's decision.
        ["label-charter"] = new()
        {
            Programme = "label", Scheme = "label", PartyRole = "promoter", Checks = CommonChecks.WalloonInitiative,
            SeatRule = "OperatingSeatInWallonia", RegisteredOfficeCounts = true,
        },
    };

    /// <summary>The programmes whose dossiers get the company (and ledger) facts.</summary>
    public IReadOnlySet<string> Programmes() => RuleSets.Values.Select(r => r.Programme).ToHashSet(StringComparer.Ordinal);

    /// <summary>The party role whose company the programme's checks read (applicant unless a rule set of it says otherwise).</summary>
    public string PartyRoleOf(string programme) =>
        RuleSets.Values.FirstOrDefault(r => r.Programme == programme)?.PartyRole ?? Dossiers.DossierRoles.Applicant;

    /// <summary>Whether any rule set of the programme reads the aid ledger (de minimis or the cheque caps).</summary>
    public bool ReadsLedger(string programme) =>
        RuleSets.Values.Any(r => r.Programme == programme && (r.Checks & (CommonChecks.DeMinimis | CommonChecks.ChequeCaps)) != 0);
}

/// <summary>The common rule sets a programme rule set is evaluated with.</summary>
[Flags]
public enum CommonChecks
{
    None = 0,

    /// <summary>LegalForm: registered and active at the BCE; non-profit bodies where the scheme excludes them.</summary>
    LegalForm = 1,

    /// <summary>SmeCategory on the applicant's declaration with partner and linked enterprises.</summary>
    SmeCategory = 2,

    /// <summary>WalloonSeat on the company register's Belgian establishment units.</summary>
    WalloonSeat = 4,

    /// <summary>ExcludedSectors on the register's NACE-BEL activities.</summary>
    ExcludedSectors = 8,

    /// <summary>DeMinimis on the ledger's aid of the single undertaking and the declared aid of other authorities.</summary>
    DeMinimis = 16,

    /// <summary>ChequeCaps on the enterprise's own cheques of the programme's wallet (when the programme has one).</summary>
    ChequeCaps = 32,

    /// <summary>Every check: a programme's eligibility at submission.</summary>
    Eligibility = LegalForm | SmeCategory | WalloonSeat | ExcludedSectors | DeMinimis | ChequeCaps,

    /// <summary>What is assessed on the day the right is conferred (Regulation 2023/2831 art. 3(4)).</summary>
    GrantDate = DeMinimis | ChequeCaps,

    /// <summary>A label's promoter: registered and active, and its initiative Walloon.</summary>
    WalloonInitiative = LegalForm | WalloonSeat,
}

/// <summary>How one programme rule set uses the common rule sets.</summary>
public sealed class ProgrammeEligibility
{
    /// <summary>Programme key (dossier programme), for its aid terms (wallet, cheque type, theme).</summary>
    public string Programme { get; set; } = "";

    /// <summary>The scheme key the sector and legal-form rules know (ExcludedSectors, LegalForm: application.scheme).</summary>
    public string Scheme { get; set; } = "";

    /// <summary>The programme rule set's output holding the aid (EUR of aid, not the cost): what de minimis and the caps add.</summary>
    public string AidOutput { get; set; } = "";

    /// <summary>OperatingSeatInWallonia (a unit in Wallonia) or MainOperatingSeatInWallonia (the main seat).</summary>
    public string SeatRule { get; set; } = "OperatingSeatInWallonia";

    /// <summary>
    /// The common rule sets evaluated (default: all, the eligibility at submission, where de minimis and the caps are an
    /// early warning that sends the request to a case handler). <see cref="CommonChecks.GrantDate"/> for the rule set a
    /// decision's guard evaluates as of the day the right is conferred.
    /// </summary>
    public CommonChecks Checks { get; set; } = CommonChecks.Eligibility;

    /// <summary>The dossier role of the party whose company is checked (applicant; a label's promoter).</summary>
    public string PartyRole { get; set; } = Dossiers.DossierRoles.Applicant;

    /// <summary>Whether the registered office counts as a Walloon place besides the establishment units (a label's promoter's seat).</summary>
    public bool RegisteredOfficeCounts { get; set; }
}
