using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// The aid ledger: follows decisions (a grant adds an aid; a withdrawal, recovery or corrective decision changes its
/// status), records declared external aid and reads the aid of a single undertaking over a window. The common rule sets
/// read it through the <c>ledger</c> fact (<see cref="Evaluations.PlatformFacts"/>), their inputs built by
/// <see cref="Evaluations.CommonEligibility"/>: the rules, not this class, choose the de minimis period. Changes are
/// added to the context; the caller saves them with the rest of its unit of work.
/// </summary>
public sealed class AidLedger(PlatformDbContext db, TimeProvider time)
{
    /// <summary>
    /// How far back the ledger fact reaches: longer than any reference period of the common rule sets (three years,
    /// or three fiscal years), so that the rules, not the ledger, choose the period from their dated parameters.
    /// </summary>
    public const int InputLookBackYears = 4;

    /// <summary>
    /// Makes the ledger follow a decision being recorded. grant/partial: a new aid (or, when the decision reverses
    /// an earlier grant, a reduction of that aid, or its cancellation and a new aid when the amount rises);
    /// withdrawal: the aid is cancelled; recovery: the decision's amount (all that remains when it has none) is
    /// recovered; refusal reversing a grant: the aid is cancelled. Other kinds leave the ledger alone (null).
    /// The aid concerned is the one granted by <see cref="Decision.Reverses"/>, or else the dossier's latest aid
    /// that is not cancelled. Changes take effect on the decision date. <paramref name="terms"/> (the programme's act
    /// and cap families) are used when a new aid is added.
    /// </summary>
    public async Task<AidGrant?> FollowDecisionAsync(Decision decision, AidTerms terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(terms);
        var now = time.GetUtcNow();
        var on = decision.DecidedOn;
        switch (decision.Kind)
        {
            case "grant" or "partial":
            {
                var reversed = decision.Reverses is { } id ? await GrantOfDecisionAsync(id, cancellationToken) : null;
                var amount = decision.Amount ?? throw new ArgumentException($"A {decision.Kind} decision needs an amount.", nameof(decision));
                if (reversed is not null && reversed.StatusOn(DateOnly.MaxValue) != AidGrantStatus.Cancelled)
                {
                    var current = reversed.NetAmountOn(DateOnly.MaxValue);
                    if (amount <= current)
                    {
                        if (amount < current)
                        {
                            reversed.Reduce(on, current - amount, decision, now);
                            Touch(reversed);
                        }

                        return reversed;
                    }

                    reversed.Cancel(on, decision, now);
                    Touch(reversed);
                }

                var beneficiary = await ApplicantAsync(decision.DossierId, cancellationToken);
                var grant = AidGrant.Granted(decision, beneficiary, terms, now);
                db.AidGrants.Add(grant);
                return grant;
            }

            case "withdrawal" or "refusal" or "recovery":
            {
                var grant = decision.Reverses is { } id
                    ? await GrantOfDecisionAsync(id, cancellationToken)
                    : decision.Kind == "refusal" ? null : await LatestGrantOfDossierAsync(decision.DossierId, cancellationToken);
                if (grant is null || grant.StatusOn(DateOnly.MaxValue) == AidGrantStatus.Cancelled)
                {
                    return decision.Kind == "refusal" ? null
                        : throw new InvalidOperationException($"Dossier {decision.DossierId} has no aid in the ledger that a {decision.Kind} could apply to.");
                }

                if (decision.Kind == "recovery")
                {
                    grant.Recover(on, decision.Amount ?? grant.NetAmountOn(DateOnly.MaxValue), decision, now);
                }
                else
                {
                    grant.Cancel(on, decision, now);
                }

                Touch(grant);
                return grant;
            }

            default:
                return null;
        }
    }

    /// <summary>
    /// Records a payment of the dossier's aid (an instalment paid): a <see cref="AidGrantStatus.Paid"/> row that leaves
    /// the aid amount whole, since aid counts from the grant, not from the payment.
    /// </summary>
    public async Task<AidGrant> RecordPaymentAsync(long dossierId, DateOnly paidOn, decimal amount, CancellationToken cancellationToken)
    {
        var grant = await LatestGrantOfDossierAsync(dossierId, cancellationToken)
            ?? throw new InvalidOperationException($"Dossier {dossierId} has no aid in the ledger to pay.");
        grant.RecordPayment(paidOn, amount, time.GetUtcNow());
        Touch(grant);
        return grant;
    }

    /// <summary>Adds aid granted by another authority, as declared by the beneficiary with its evidence document.</summary>
    public AidGrant DeclareExternalAid(long beneficiaryPartyId, AidTerms terms, string grantingAuthority, string evidenceDocumentId,
        DateOnly grantedOn, decimal amount)
    {
        var grant = AidGrant.DeclaredExternal(beneficiaryPartyId, terms, grantingAuthority, evidenceDocumentId, grantedOn, amount, time.GetUtcNow());
        db.AidGrants.Add(grant);
        return grant;
    }

    /// <summary>
    /// The parties that form one single undertaking with <paramref name="partyId"/> on <paramref name="asOf"/>: the
    /// party itself and every party reachable through links valid that day, in either direction. Sorted by id.
    /// </summary>
    public async Task<IReadOnlyList<long>> SingleUndertakingAsync(long partyId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var members = new HashSet<long> { partyId };
        var frontier = new List<long> { partyId };
        while (frontier.Count > 0)
        {
            var links = await db.SingleUndertakingLinks.AsNoTracking()
                .Where(l => l.ValidFrom <= asOf && (l.ValidTo == null || l.ValidTo >= asOf))
                .Where(l => frontier.Contains(l.ControllingPartyId) || frontier.Contains(l.ControlledPartyId))
                .Select(l => new { l.ControllingPartyId, l.ControlledPartyId })
                .ToListAsync(cancellationToken);
            frontier = links.SelectMany(l => new[] { l.ControllingPartyId, l.ControlledPartyId }).Where(members.Add).ToList();
        }

        return [.. members.Order()];
    }

    /// <summary>
    /// Aid granted to any member of the single undertaking (as on <paramref name="asOf"/>) from <paramref name="from"/>
    /// to <paramref name="asOf"/> inclusive, with its status history, read without tracking.
    /// </summary>
    public async Task<IReadOnlyList<AidGrant>> AidOfSingleUndertakingAsync(long partyId, DateOnly from, DateOnly asOf, CancellationToken cancellationToken)
    {
        var members = await SingleUndertakingAsync(partyId, asOf, cancellationToken);
        return await db.AidGrants.AsNoTracking().Include(g => g.StatusHistory)
            .Where(g => members.Contains(g.BeneficiaryPartyId) && g.GrantedOn >= from && g.GrantedOn <= asOf)
            .OrderBy(g => g.GrantedOn).ThenBy(g => g.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<long> ApplicantAsync(long dossierId, CancellationToken cancellationToken) =>
        await db.DossierParties.Where(l => l.DossierId == dossierId && l.Role == DossierRoles.Applicant).Select(l => (long?)l.PartyId)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException($"Dossier {dossierId} has no applicant: the ledger does not know whom the aid goes to.");

    private Task<AidGrant?> GrantOfDecisionAsync(long decisionId, CancellationToken cancellationToken) =>
        db.AidGrants.Include(g => g.StatusHistory).FirstOrDefaultAsync(g => g.DecisionId == decisionId, cancellationToken);

    private async Task<AidGrant?> LatestGrantOfDossierAsync(long dossierId, CancellationToken cancellationToken)
    {
        var grants = await db.AidGrants.Include(g => g.StatusHistory).Where(g => g.DossierId == dossierId)
            .OrderByDescending(g => g.GrantedOn).ThenByDescending(g => g.Id).ToListAsync(cancellationToken);
        return grants.FirstOrDefault(g => g.StatusOn(DateOnly.MaxValue) != AidGrantStatus.Cancelled);
    }

    // A status row added to an aid does not change the aid's own row; bumping its version makes two concurrent
    // changes of the same aid conflict instead of both passing the "remaining amount" check.
    private void Touch(AidGrant grant) => db.Entry(grant).Property(g => g.Version).IsModified = true;
}
