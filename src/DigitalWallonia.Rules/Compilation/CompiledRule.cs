using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Model;
using DigitalWallonia.Rules.Syntax;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>A rule ready to run: its predicate delegate (or why it could not be compiled), its params, action and children.</summary>
internal sealed class CompiledRule
{
    public required RuleDefinition Definition { get; init; }

    /// <summary>Position in <see cref="CompiledWorkflow.AllRules"/>; the same in the explaining variant.</summary>
    public int Ordinal { get; init; }

    public CompiledBatch<bool>.Slot? Predicate { get; init; }

    /// <summary>Set when the rule could not be compiled: the message of its first diagnostic(s).</summary>
    public string? CompileError { get; init; }

    /// <summary>True when <see cref="CompileError"/> comes from a LocalParam, not from the rule's own expression.</summary>
    public bool CompileErrorInParam { get; init; }

    public IReadOnlyList<CompiledScopedParam> Locals { get; init; } = [];

    public IReadOnlyList<CompiledRule> Children { get; init; } = [];

    public CompiledScopedParam? OnSuccess { get; init; }

    public CompiledScopedParam? OnFailure { get; init; }

    /// <summary>The OnSuccess action when it is an EvaluateRule.</summary>
    public CompiledRuleCall? OnSuccessCall { get; init; }

    /// <summary>The OnFailure action when it is an EvaluateRule.</summary>
    public CompiledRuleCall? OnFailureCall { get; init; }

    public SyntaxNode? Syntax { get; init; }

    public IReadOnlyList<SyntaxNode> TracedNodes { get; init; } = [];

    /// <summary>Every name the rule's ErrorMessage may mention: its params (and its ancestors'), the workflow's globals.</summary>
    public IReadOnlyList<ScopeVariable> Scope { get; init; } = [];
}
