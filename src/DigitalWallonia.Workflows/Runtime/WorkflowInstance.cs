using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// What the runtime needs to know about one dossier's workflow: the definition version it is pinned to, its state,
/// history and open deadlines, the parties linked to it (<c>provider</c> → party id, several per link allowed), legal dates, and the
/// facts guards are evaluated on. The platform loads it; the runtime never changes it (see <see cref="WorkflowOutcome.ApplyTo"/>).
/// </summary>
public sealed record WorkflowInstance
{
    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public required string State { get; init; }

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    public IReadOnlyList<OpenDeadline> OpenDeadlines { get; init; } = [];

    /// <summary>The parties linked to the dossier; several may share a link (two providers), and any of them acts for it.</summary>
    public IReadOnlyList<PartyLink> Parties { get; init; } = [];

    /// <summary>The ids of the parties linked under <paramref name="link"/>, in the order of <see cref="Parties"/>.</summary>
    public IReadOnlyList<string> PartiesOf(string link) => [.. Parties.Where(p => string.Equals(p.Link, link, StringComparison.Ordinal)).Select(p => p.PartyId)];

    public LegalDates Dates { get; init; } = LegalDates.None;

    /// <summary>The dossier's facts as the platform presents them to rule sets, by top-level name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Facts { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Where each stored fact came from, by fact path (<c>declaration.staff</c>); facts the platform injects have none here.</summary>
    public IReadOnlyDictionary<string, FactProvenance> FactSources { get; init; } = new Dictionary<string, FactProvenance>();

    /// <summary>A new instance in <paramref name="definition"/>'s initial state, pinned to its version; start it with <see cref="WorkflowRuntime.Start"/>.</summary>
    /// <exception cref="ArgumentException">The definition has no initial state (it would not pass validation).</exception>
    public static WorkflowInstance New(WorkflowDefinition definition, IReadOnlyList<PartyLink>? parties = null, LegalDates? dates = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var initial = definition.InitialState ?? throw new ArgumentException($"Workflow '{definition.Id}' v{definition.Version} has no initial state.", nameof(definition));
        return new WorkflowInstance
        {
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            State = initial.Id,
            Parties = parties ?? [],
            Dates = dates ?? LegalDates.None,
        };
    }
}
