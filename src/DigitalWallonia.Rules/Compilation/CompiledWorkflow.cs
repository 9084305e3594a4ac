using DigitalWallonia.Rules.Binding;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>A rule-set version compiled for one input shape. Immutable and shared between threads.</summary>
internal sealed class CompiledWorkflow
{
    public required RuleSet RuleSet { get; init; }

    public required RType InputShape { get; init; }

    public required IReadOnlyList<CompiledScopedParam> Globals { get; init; }

    public required IReadOnlyList<CompiledRule> Rules { get; init; }

    public required IReadOnlyList<CompiledScopedParam> Outputs { get; init; }

    public required int LocalCount { get; init; }

    /// <summary>Traced nodes of all rules together: the size of the one trace array an explained run needs.</summary>
    public required int MaxTrace { get; init; }

    public required ParameterTable Parameters { get; init; }

    /// <summary>Every rule, nested ones included, by <see cref="CompiledRule.Ordinal"/>.</summary>
    public IReadOnlyList<CompiledRule> AllRules { get; init; } = [];

    /// <summary>Members the rules read; the projector skips the rest. Null when compiled without a shape.</summary>
    public MemberUsage? Usage { get; init; }

    /// <summary>The same rule set compiled with tracing, for explanations; null when this is that variant.</summary>
    public Lazy<CompiledWorkflow>? Explaining { get; init; }
}
