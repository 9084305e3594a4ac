using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// "Do I seem eligible?" before applying: the programme's common conditions (<see cref="CommonEligibilityOptions"/>,
/// the rule set of its eligibility at submission) evaluated today with the real rule sets on what the platform already
/// knows of the enterprise — the company register and the aid ledger — never creating a dossier nor storing anything.
/// What only the applicant can say (the SME declaration, the amount) is left to the application and said so.
/// </summary>
public sealed class EligibilityPreCheck(PlatformFacts facts, RuleLibrary rules, IOptions<CommonEligibilityOptions> eligibility,
    IOptions<ProgrammeAidOptions> aid, TimeProvider time)
{
    /// <summary>The programmes a pre-check knows: those with common conditions at submission.</summary>
    public IReadOnlyList<string> Programmes => [.. eligibility.Value.RuleSets.Values.Where(AtSubmission).Select(p => p.Programme).Distinct(StringComparer.Ordinal)];

    /// <summary>The pre-check of <paramref name="enterprise"/> for <paramref name="programme"/>; null for a programme without one.</summary>
    public async Task<PreCheckResult?> RunAsync(string programme, EnterpriseNumber enterprise, CancellationToken cancellationToken)
    {
        var terms = eligibility.Value.RuleSets.Values.FirstOrDefault(p => p.Programme == programme && AtSubmission(p));
        if (terms is null)
        {
            return null;
        }

        var known = await facts.ForEnterpriseAsync(programme, enterprise, cancellationToken);
        var company = known.GetValueOrDefault(PlatformFacts.CompanyFact) ?? new JsonObject { ["registered"] = false, ["status"] = "unknown" };
        var ledger = known.GetValueOrDefault(PlatformFacts.LedgerFact) ?? [];
        var today = DeadlinePlanner.LegalDate(time.GetUtcNow());
        var conditions = new CommonEligibility(rules.Registry, aid.Value).Known(today, company, ledger, terms);
        return new PreCheckResult(programme, enterprise, today, conditions, (terms.Checks & CommonChecks.SmeCategory) != 0);
    }

    // The rule set evaluated when a dossier is submitted (the one checking who may apply), not a grant-date one.
    private static bool AtSubmission(ProgrammeEligibility programme) => (programme.Checks & CommonChecks.LegalForm) != 0;
}

/// <summary>
/// A pre-check's answer: each condition met, not met (with why) or not decidable from what is known, as of
/// <see cref="AsOf"/>; <see cref="AsksSmeDeclaration"/> when the application will still ask the SME declaration.
/// </summary>
public sealed record PreCheckResult(string Programme, EnterpriseNumber Enterprise, DateOnly AsOf, IReadOnlyList<KnownCondition> Conditions, bool AsksSmeDeclaration)
{
    /// <summary>No known condition fails ("vous semblez éligible"): the application may still fail on what it asks.</summary>
    public bool SeemsEligible => Conditions.All(c => c.Outcome != KnownOutcome.NotMet);

    public IEnumerable<KnownCondition> Failed => Conditions.Where(c => c.Outcome == KnownOutcome.NotMet);
}
