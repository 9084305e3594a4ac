using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// The facts the platform builds for a dossier's rules, injected at evaluation and never stored as dossier facts:
/// <c>company</c> (the applicant, or a label's promoter, as the company register knows it, source <c>companyRegister</c>)
/// and <c>ledger</c> (source <c>ledger</c>: the de minimis aid of the applicant's single undertaking and the cheques drawn from its
/// wallet, each with its grant date, so the rules choose the period on their own evaluation date). The dossier's own
/// aid is left out, so evaluating a dossier again after its grant does not count its aid twice.
/// </summary>
public sealed class PlatformFacts(PlatformDbContext db, AidLedger ledger, CompanyFacts companies, IOptions<CommonEligibilityOptions> eligibility,
    IOptions<ProgrammeAidOptions> aid, TimeProvider time)
{
    public const string CompanyFact = "company";
    public const string LedgerFact = "ledger";

    /// <summary>
    /// Fact name → object: the company, and the ledger for a programme that reads it; empty for a programme without
    /// common checks or a dossier without an organisation in the role they read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> ForAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (!eligibility.Value.Programmes().Contains(dossier.Programme))
        {
            return new Dictionary<string, JsonObject>();
        }

        var role = eligibility.Value.PartyRoleOf(dossier.Programme);
        var link = dossier.Parties.FirstOrDefault(p => p.Role == role);
        var party = link?.Party ?? (link is null ? null : await db.Parties.AsNoTracking().SingleAsync(p => p.Id == link.PartyId, cancellationToken));
        if (party?.EnterpriseNumber is not { } number)
        {
            return new Dictionary<string, JsonObject>();
        }

        return await BuildAsync(dossier.Programme, party, number, dossier.Id, cancellationToken);
    }

    /// <summary>
    /// The same facts for an enterprise before any dossier (a pre-check): the register's company, and the ledger of its
    /// party when the platform knows it (an enterprise that never applied has no aid on the ledger).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> ForEnterpriseAsync(string programme, EnterpriseNumber number, CancellationToken cancellationToken)
    {
        EnterpriseNumber? wanted = number;
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.EnterpriseNumber == wanted, cancellationToken);
        if (party is null)
        {
            return new Dictionary<string, JsonObject>(StringComparer.Ordinal) { [CompanyFact] = await companies.ForAsync(number, cancellationToken) };
        }

        return await BuildAsync(programme, party, number, 0, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, JsonObject>> BuildAsync(string programme, Party party, EnterpriseNumber number, long dossierId,
        CancellationToken cancellationToken)
    {
        var company = await companies.ForAsync(number, cancellationToken);
        if (!eligibility.Value.ReadsLedger(programme))
        {
            return new Dictionary<string, JsonObject>(StringComparer.Ordinal) { [CompanyFact] = company };
        }

        // Everything up to today: a rule evaluated as of an earlier date keeps only what was granted by then.
        var today = Scheduling.DeadlinePlanner.LegalDate(time.GetUtcNow());
        var grants = await ledger.AidOfSingleUndertakingAsync(party.Id, today.AddYears(-AidLedger.InputLookBackYears), today, cancellationToken);
        var others = grants.Where(g => g.DossierId != dossierId || dossierId == 0).ToList();
        var numbers = await db.Parties.AsNoTracking().Where(p => others.Select(g => g.BeneficiaryPartyId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.EnterpriseNumber?.ToString(), cancellationToken);
        var references = await db.Dossiers.AsNoTracking().Where(d => others.Select(g => g.DossierId).Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Reference, cancellationToken);
        var wallet = aid.Value.Programmes.GetValueOrDefault(programme)?.Wallet;
        var deMinimis = new JsonArray();
        var cheques = new JsonArray();
        foreach (var grant in others.Where(g => g.NetAmountOn(today) > 0m))
        {
            var item = new JsonObject
            {
                ["amount"] = grant.NetAmountOn(today),
                ["grantedOn"] = grant.GrantedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["regulation"] = grant.Regulation.Reference(),
                ["beneficiary"] = numbers.GetValueOrDefault(grant.BeneficiaryPartyId),
                ["dossier"] = grant.DossierId is { } id ? references.GetValueOrDefault(id) : null,
                ["grantingAuthority"] = grant.GrantingAuthority ?? "Région wallonne",
            };
            if (grant.Regulation.IsDeMinimis())
            {
                deMinimis.Add(item.DeepClone());
            }

            if (wallet is not null && grant.Wallet == wallet && grant.BeneficiaryPartyId == party.Id)
            {
                item["chequeType"] = grant.ChequeType;
                item["theme"] = grant.Theme;
                cheques.Add(item);
            }
        }

        var ledgerFact = new JsonObject { ["deMinimisAid"] = deMinimis, ["cheques"] = cheques, ["asOf"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        if (party.FiscalYearEnd is { } end)
        {
            ledgerFact["fiscalYearEndMonth"] = end.Month;
            ledgerFact["fiscalYearEndDay"] = end.Day;
        }

        return new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            [CompanyFact] = company,
            [LedgerFact] = ledgerFact,
        };
    }
}
