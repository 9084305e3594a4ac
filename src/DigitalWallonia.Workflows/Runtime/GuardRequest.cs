using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// One rule-set evaluation the runtime needs: rule set <see cref="RuleSet"/> as of <see cref="AsOfDate"/> (resolved from
/// <see cref="AsOf"/>), on the dossier's <see cref="Facts"/> (with fields set earlier in the same firing laid over them)
/// and the trigger's <see cref="Input"/> (the current action's input, or an event's payload), which rules read as its own
/// object <c>input</c>, never merged over the facts. <see cref="FactSources"/> says where each stored fact came from,
/// by path (<c>declaration.staff</c> → declared by the applicant).
/// </summary>
public sealed record GuardRequest(
    string RuleSet,
    AsOfKind AsOf,
    DateOnly AsOfDate,
    IReadOnlyDictionary<string, JsonElement> Facts,
    IReadOnlyDictionary<string, JsonElement> Input)
{
    public IReadOnlyDictionary<string, FactProvenance> FactSources { get; init; } = new Dictionary<string, FactProvenance>();
}
