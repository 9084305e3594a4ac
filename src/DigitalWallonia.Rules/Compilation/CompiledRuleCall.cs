using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Model;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// A compiled <c>EvaluateRule</c> action: which inputs of the caller are passed on (<see cref="Passed"/>, slots of the
/// caller's input), the additional inputs computed in the caller's scope, and the input shape the target sees. The
/// target is resolved by name and evaluation date at run time and compiled for that shape on first use, once per
/// target version (<see cref="RuleSetFile.Compiled"/>), like any rule set evaluated with a new input shape.
/// </summary>
internal sealed class CompiledRuleCall
{
    public required ActionDefinition Definition { get; init; }

    /// <summary>For each input the target receives, in <see cref="Shape"/> order: a caller input slot, or -1 for an additional input.</summary>
    public required IReadOnlyList<int> Passed { get; init; }

    /// <summary>The additional inputs, in the order they follow the passed ones in <see cref="Shape"/>.</summary>
    public required IReadOnlyList<CompiledScopedParam> Additional { get; init; }

    public required RType Shape { get; init; }

    /// <summary>Set when an additional input could not be compiled or a filtered input does not exist.</summary>
    public string? Error { get; init; }
}
