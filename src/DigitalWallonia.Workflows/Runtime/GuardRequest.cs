using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// One rule-set evaluation the runtime needs: rule set <see cref="RuleSet"/> as of <see cref="AsOfDate"/> (resolved from
/// <see cref="AsOf"/>), on the dossier's <see cref="Facts"/> (with fields set earlier in the same firing laid over them)
/// and the trigger's <see cref="Input"/>.
/// </summary>
public sealed record GuardRequest(
    string RuleSet,
    AsOfKind AsOf,
    DateOnly AsOfDate,
    IReadOnlyDictionary<string, JsonElement> Facts,
    IReadOnlyDictionary<string, JsonElement> Input);
