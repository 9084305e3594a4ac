using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// One aid in the ledger shared by all programmes: who received it, under which act, from which authority, on which
/// legal date, how much, which caps it counts towards, and its status history. The amount granted never changes;
/// reductions, recoveries and cancellations are rows of <see cref="StatusHistory"/>, each from a legal date, so the
/// net aid can be read as of any date. The beneficiary's single undertaking is not copied here: it is read from
/// <see cref="SingleUndertakingLink"/> rows as at the date that matters (see <see cref="AidLedger"/>).
/// </summary>
public sealed class AidGrant : IVersioned
{
    private readonly List<AidGrantStatusChange> _statusHistory = [];

    private AidGrant()
    {
    }

    private AidGrant(long beneficiaryPartyId, AidTerms terms, AidAuthority authority, string? grantingAuthority, string? evidenceDocumentId,
        DateOnly grantedOn, decimal amount, long? dossierId, Decision? decision, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(terms);
        BeneficiaryPartyId = beneficiaryPartyId;
        Regulation = terms.Regulation;
        Authority = authority;
        GrantingAuthority = grantingAuthority;
        EvidenceDocumentId = evidenceDocumentId;
        GrantedOn = grantedOn;
        Amount = RequireAmount(amount, nameof(amount));
        Wallet = terms.Wallet;
        Theme = terms.Theme;
        ChequeType = terms.ChequeType;
        DossierId = dossierId;
        DecisionId = decision is { Id: > 0 } ? decision.Id : null;
        Decision = decision is { Id: > 0 } ? null : decision;
        RecordedAt = recordedAt;
        _statusHistory.Add(new AidGrantStatusChange(1, AidGrantStatus.Granted, grantedOn, Amount, decision, recordedAt));
    }

    public long Id { get; private set; }

    public long BeneficiaryPartyId { get; private set; }

    public AidRegulation Regulation { get; private set; }

    public AidAuthority Authority { get; private set; }

    /// <summary>For external aid, the authority that granted it (e.g. "Région de Bruxelles-Capitale", "SPF Economie").</summary>
    public string? GrantingAuthority { get; private set; }

    /// <summary>For external aid, the document that evidences it (the beneficiary's declaration or the other authority's letter).</summary>
    public string? EvidenceDocumentId { get; private set; }

    /// <summary>The date the legal right to the aid was conferred, whatever the payment date (1407/2013 and 2023/2831, art. 3(4)).</summary>
    public DateOnly GrantedOn { get; private set; }

    /// <summary>The amount granted, in EUR (the aid, i.e. the public share, not the project cost).</summary>
    public decimal Amount { get; private set; }

    /// <summary>Cap family: the wallet the aid is drawn from ("cheques-entreprises"), if any.</summary>
    public string? Wallet { get; private set; }

    /// <summary>Cap family: the theme ("digital", "growth"...), if any.</summary>
    public string? Theme { get; private set; }

    /// <summary>Cap family: the cheque type ("digital-maturity", "cybersecurity"...), if any.</summary>
    public string? ChequeType { get; private set; }

    public long? DossierId { get; private set; }

    /// <summary>The decision that granted the aid (Walloon aid); null for declared external aid.</summary>
    public long? DecisionId { get; private set; }

    public Decision? Decision { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public long Version { get; private set; } = 1;

    public IReadOnlyList<AidGrantStatusChange> StatusHistory => _statusHistory;

    /// <summary>Aid granted by a Walloon decision: the beneficiary, the decision date and the decision's amount.</summary>
    public static AidGrant Granted(Decision decision, long beneficiaryPartyId, AidTerms terms, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var amount = decision.Amount ?? throw new ArgumentException($"Decision {decision.Id} ({decision.Kind}) has no amount to grant.", nameof(decision));
        return new AidGrant(beneficiaryPartyId, terms, AidAuthority.Walloon, null, null, decision.DecidedOn, amount, decision.DossierId, decision, recordedAt);
    }

    /// <summary>Aid from another authority that the beneficiary declared, with the document that evidences it.</summary>
    public static AidGrant DeclaredExternal(long beneficiaryPartyId, AidTerms terms, string grantingAuthority, string evidenceDocumentId,
        DateOnly grantedOn, decimal amount, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(grantingAuthority);
        ArgumentException.ThrowIfNullOrWhiteSpace(evidenceDocumentId);
        return new AidGrant(beneficiaryPartyId, terms, AidAuthority.External, grantingAuthority.Trim(), evidenceDocumentId.Trim(),
            grantedOn, amount, null, null, recordedAt);
    }

    /// <summary>
    /// The status as of <paramref name="date"/>: the change with the latest effective date on or before it (the later
    /// recorded one on the same date). Changes may be recorded out of date order, e.g. a payment keyed in late.
    /// </summary>
    public AidGrantStatus StatusOn(DateOnly date) =>
        _statusHistory.Where(c => c.EffectiveOn <= date).OrderBy(c => c.EffectiveOn).ThenBy(c => c.Sequence).LastOrDefault()?.Status
        ?? AidGrantStatus.Granted;

    /// <summary>
    /// The aid that counts as of <paramref name="date"/>, in EUR: the amount granted less reductions and recoveries
    /// effective by then; zero once cancelled. Never below zero. Exact in cents (no rounding: every term is in cents).
    /// </summary>
    public decimal NetAmountOn(DateOnly date)
    {
        var effective = _statusHistory.Where(c => c.EffectiveOn <= date).ToList();
        if (effective.Any(c => c.Status == AidGrantStatus.Cancelled))
        {
            return 0m;
        }

        var lowered = effective.Where(c => c.Status is AidGrantStatus.Reduced or AidGrantStatus.Recovered).Sum(c => c.Amount ?? 0m);
        return Math.Max(0m, Amount - lowered);
    }

    public void RecordPayment(DateOnly paidOn, decimal amount, DateTimeOffset recordedAt)
    {
        RequireNotCancelled(paidOn);
        Append(AidGrantStatus.Paid, paidOn, RequireAmount(amount, nameof(amount)), null, recordedAt);
    }

    /// <summary>Lowers the aid by <paramref name="by"/> EUR from <paramref name="effectiveOn"/> (a partial correction before or after payment).</summary>
    public void Reduce(DateOnly effectiveOn, decimal by, Decision? decision, DateTimeOffset recordedAt) =>
        Lower(AidGrantStatus.Reduced, effectiveOn, by, decision, recordedAt);

    /// <summary>Records that <paramref name="amount"/> EUR of the aid is recovered from <paramref name="effectiveOn"/>.</summary>
    public void Recover(DateOnly effectiveOn, decimal amount, Decision? decision, DateTimeOffset recordedAt) =>
        Lower(AidGrantStatus.Recovered, effectiveOn, amount, decision, recordedAt);

    /// <summary>Withdraws the whole aid from <paramref name="effectiveOn"/>.</summary>
    public void Cancel(DateOnly effectiveOn, Decision? decision, DateTimeOffset recordedAt)
    {
        RequireNotCancelled(effectiveOn);
        Append(AidGrantStatus.Cancelled, effectiveOn, null, decision, recordedAt);
    }

    void IVersioned.IncrementVersion() => Version++;

    private void Lower(AidGrantStatus status, DateOnly effectiveOn, decimal amount, Decision? decision, DateTimeOffset recordedAt)
    {
        RequireNotCancelled(effectiveOn);
        RequireAmount(amount, nameof(amount));
        if (effectiveOn < GrantedOn)
        {
            throw new ArgumentException($"Aid {Id} was granted on {GrantedOn:yyyy-MM-dd}; it cannot change on {effectiveOn:yyyy-MM-dd}.", nameof(effectiveOn));
        }

        var remaining = NetAmountOn(DateOnly.MaxValue);
        if (amount > remaining)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Only {remaining} EUR of aid {Id} remain; it cannot be {status.ToString().ToLowerInvariant()} by more.");
        }

        Append(status, effectiveOn, amount, decision, recordedAt);
    }

    private void Append(AidGrantStatus status, DateOnly effectiveOn, decimal? amount, Decision? decision, DateTimeOffset recordedAt) =>
        _statusHistory.Add(new AidGrantStatusChange(_statusHistory.Count + 1, status, effectiveOn, amount, decision, recordedAt));

    private void RequireNotCancelled(DateOnly on)
    {
        if (_statusHistory.Any(c => c.Status == AidGrantStatus.Cancelled))
        {
            throw new InvalidOperationException($"Aid {Id} is cancelled; nothing can happen to it on {on:yyyy-MM-dd}.");
        }
    }

    // Amounts are computed and rounded upstream (rule outputs round money to the cent); the ledger refuses anything else.
    private static decimal RequireAmount(decimal amount, string name) =>
        amount > 0m && decimal.Round(amount, 2) == amount
            ? amount
            : throw new ArgumentOutOfRangeException(name, amount, "An aid amount is a positive number of EUR in whole cents.");
}
