using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// What the runtime needs to know about one dossier's workflow: the definition version it is pinned to, its state,
/// history and open deadlines, the parties linked by role (<c>applicant</c> → enterprise number), legal dates, and the
/// facts guards are evaluated on. The platform loads it; the runtime never changes it (see <see cref="WorkflowOutcome.ApplyTo"/>).
/// </summary>
public sealed record WorkflowInstance
{
    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public required string State { get; init; }

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    public IReadOnlyList<OpenDeadline> OpenDeadlines { get; init; } = [];

    /// <summary>Party link (<c>applicant</c>, <c>provider</c>, ...) to the party's id.</summary>
    public IReadOnlyDictionary<string, string> Parties { get; init; } = new Dictionary<string, string>();

    public LegalDates Dates { get; init; } = LegalDates.None;

    /// <summary>The dossier's facts as the platform presents them to rule sets, by top-level name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Facts { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Where each stored fact came from, by fact path (<c>declaration.staff</c>); facts the platform injects have none here.</summary>
    public IReadOnlyDictionary<string, FactProvenance> FactSources { get; init; } = new Dictionary<string, FactProvenance>();

    /// <summary>A new instance in <paramref name="definition"/>'s initial state, pinned to its version; start it with <see cref="WorkflowRuntime.Start"/>.</summary>
    /// <exception cref="ArgumentException">The definition has no initial state (it would not pass validation).</exception>
    public static WorkflowInstance New(WorkflowDefinition definition, IReadOnlyDictionary<string, string>? parties = null, LegalDates? dates = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var initial = definition.InitialState ?? throw new ArgumentException($"Workflow '{definition.Id}' v{definition.Version} has no initial state.", nameof(definition));
        return new WorkflowInstance
        {
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            State = initial.Id,
            Parties = parties ?? new Dictionary<string, string>(),
            Dates = dates ?? LegalDates.None,
        };
    }
}
