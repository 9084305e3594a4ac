using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// One application or procedure in a programme: a grant request, a label application, a provider approval.
/// Its <see cref="Reference"/> is what people quote on the phone; its legal dates decide which rules apply.
/// </summary>
public sealed class Dossier : IVersioned
{
    private readonly List<DossierParty> _parties = [];

    private Dossier(string reference, string programme, string state, DateTimeOffset openedAt)
    {
        Reference = reference;
        Programme = programme;
        State = state;
        OpenedAt = openedAt;
        WorkflowId = programme;
        FactsJson = "{}";
        FactSourcesJson = "{}";
    }

    public long Id { get; private set; }

    /// <summary>Human reference such as RENTIC-2026-000123, unique, from <see cref="DossierReferences"/>.</summary>
    public string Reference { get; private set; }

    /// <summary>Programme key: rentic, cyber, voucher, label, reporting...</summary>
    public string Programme { get; private set; }

    /// <summary>Current workflow state id.</summary>
    public string State { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The workflow definition the dossier runs on, pinned with <see cref="WorkflowVersion"/> when it starts.</summary>
    public string WorkflowId { get; private set; }

    /// <summary>The pinned definition version; publishing a newer one never changes it (only an explicit migration does).</summary>
    public int WorkflowVersion { get; private set; }

    /// <summary>The facts rule sets are evaluated on, as a JSON object keyed by input name (company, application, fields...).</summary>
    public string FactsJson { get; private set; }

    /// <summary>
    /// Where each stored fact came from, as a JSON object keyed by fact path: <c>{ "declaration.staff": { "source":
    /// "declared", "by": SUBJECT, "at": INSTANT } }</c> (<c>declared</c>, <c>verified</c>, <c>decided</c>). Facts the
    /// dossier was opened with have none.
    /// </summary>
    public string FactSourcesJson { get; private set; }

    /// <summary>The legal date of the application: eligibility is judged as of this day.</summary>
    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>The date the legal right is conferred (or refused): amounts and ceilings are taken as of this day.</summary>
    public DateOnly? DecidedOn { get; private set; }

    /// <summary>What the applicant asks for, in EUR (cents exact).</summary>
    public decimal? RequestedAmount { get; private set; }

    public long Version { get; private set; } = 1;

    /// <summary>Sequence of the last audit event; kept in the same transaction as the event (tamper evidence).</summary>
    public long AuditHeadSequence { get; private set; }

    /// <summary>Chained hash of the last audit event.</summary>
    public string? AuditHeadHash { get; private set; }

    public IReadOnlyList<DossierParty> Parties => _parties;

    /// <summary>Opens a dossier; the reference must come from <see cref="DossierReferences.NextAsync"/> in the same transaction.</summary>
    public static Dossier Open(string reference, string programme, string initialState, DateTimeOffset openedAt) =>
        new(reference, programme, initialState, openedAt.ToUniversalTime());

    /// <summary>
    /// A dossier without its reference yet: <see cref="DossierWorkflow.OpenAsync"/> evaluates its start first and numbers
    /// it (<see cref="Number"/>) only then, so that the reference counter's row is locked for the insert and commit alone.
    /// </summary>
    internal static Dossier Unnumbered(string programme, string initialState, DateTimeOffset openedAt) =>
        new("", programme, initialState, openedAt.ToUniversalTime());

    /// <summary>Gives an <see cref="Unnumbered"/> dossier its reference, before it is saved.</summary>
    internal void Number(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (Id != 0 || Reference.Length > 0)
        {
            throw new InvalidOperationException($"Dossier {Reference} (id {Id}) is numbered already.");
        }

        Reference = reference;
    }

    public void AddParty(Party party, string role)
    {
        if (!DossierRoles.All.Contains(role))
        {
            throw new ArgumentException($"'{role}' is not a dossier role ({string.Join(", ", DossierRoles.All)}).", nameof(role));
        }

        if (_parties.Any(p => p.Party == party && p.Role == role))
        {
            return;
        }

        _parties.Add(new DossierParty(party, role));
    }

    /// <summary>
    /// The party links as the workflow runtime knows them (link name → party id), every party of a link included, by party
    /// id: a stored dossier's links come back from the database in no set order.
    /// </summary>
    public IReadOnlyList<PartyLink> PartyLinks() =>
        [.. _parties.OrderBy(p => p.PartyId).ThenBy(p => p.Role, StringComparer.Ordinal)
            .Select(p => new PartyLink(p.Role, p.PartyId.ToString(CultureInfo.InvariantCulture)))];

    public void Submit(DateOnly submittedOn, decimal? requestedAmount)
    {
        if (SubmittedOn is not null)
        {
            throw new InvalidOperationException($"{Reference} was already submitted on {SubmittedOn:yyyy-MM-dd}.");
        }

        SubmittedOn = submittedOn;
        RequestedAmount = requestedAmount;
    }

    public void MoveTo(string state) => State = state;

    /// <summary>Pins the dossier to a workflow definition version (at start, or by a migration).</summary>
    public void PinWorkflow(string workflowId, int version)
    {
        WorkflowId = workflowId;
        WorkflowVersion = version;
    }

    public void ReplaceFacts(string factsJson) => FactsJson = factsJson;

    /// <summary>Records where the fact at <paramref name="path"/> comes from; the parts of a value replaced whole follow it.</summary>
    public void RecordFactSource(string path, FactProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(provenance);
        var sources = JsonNode.Parse(FactSourcesJson)?.AsObject() ?? [];
        foreach (var part in sources.Select(p => p.Key).Where(k => k.StartsWith(path + ".", StringComparison.Ordinal)).ToList())
        {
            sources.Remove(part);
        }

        sources[path] = new JsonObject
        {
            ["source"] = provenance.Source,
            ["by"] = provenance.By,
            ["at"] = provenance.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        };
        FactSourcesJson = sources.ToJsonString();
    }

    /// <summary>The provenance of the stored facts, by fact path.</summary>
    public IReadOnlyDictionary<string, FactProvenance> FactSources()
    {
        var sources = new Dictionary<string, FactProvenance>(StringComparer.Ordinal);
        foreach (var (path, node) in JsonNode.Parse(FactSourcesJson)?.AsObject() ?? [])
        {
            if (node is JsonObject entry && entry["source"]?.GetValue<string>() is { } source)
            {
                var at = DateTimeOffset.Parse(entry["at"]?.GetValue<string>() ?? "0001-01-01T00:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                sources[path] = new FactProvenance(source, entry["by"]?.GetValue<string>() ?? "", at);
            }
        }

        return sources;
    }

    public void RecordDecisionDate(DateOnly decidedOn) => DecidedOn = decidedOn;

    internal void AdvanceAuditHead(long sequence, string hash)
    {
        AuditHeadSequence = sequence;
        AuditHeadHash = hash;
    }

    void IVersioned.IncrementVersion() => Version++;
}
