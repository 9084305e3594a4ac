using System.Linq.Expressions;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Model;
using DigitalWallonia.Rules.Syntax;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Parses, checks and compiles every expression of a rule set for one input shape. With <c>shape</c> null (no schema
/// and no input yet) it only checks what can be checked without types and produces no delegates.
/// A rule that does not compile gets an error instead of a delegate; the others still run (as RulesEngine does).
/// </summary>
internal sealed class WorkflowCompiler
{
    private readonly RuleSet _set;
    private readonly RType? _shape;
    private readonly ParameterTable _parameters;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly ParameterExpression _context = Expression.Parameter(typeof(EvalContext), "ctx");
    private readonly CompiledBatch<bool> _predicates;
    private readonly CompiledBatch<Value> _values;
    private int _localCount;
    private int _maxTrace;

    private readonly bool _trace;
    private readonly MemberUsage _usage = new();
    private readonly SharedReads _reads = new();
    private readonly List<CompiledRule> _allRules = [];

    private WorkflowCompiler(RuleSet set, RType? shape, bool trace)
    {
        _trace = trace;
        _set = set;
        _shape = shape;
        _parameters = new ParameterTable(set.Parameters);
        _predicates = new CompiledBatch<bool>(_context);
        _values = new CompiledBatch<Value>(_context);
    }

    /// <summary>
    /// Compiles for <paramref name="shape"/>. The explaining variant (comparisons record what they saw) is compiled
    /// on first use only: it is larger, and most evaluations are not explained.
    /// </summary>
    public static CompiledWorkflow Compile(RuleSet set, RType? shape, out IReadOnlyList<Diagnostic> diagnostics, bool trace = false)
    {
        var c = new WorkflowCompiler(set, shape, trace);
        var globals = new List<CompiledScopedParam>();
        var scope = new List<ScopeVariable>();
        for (var i = 0; i < set.GlobalParams.Count; i++)
        {
            var g = set.GlobalParams[i];
            var compiled = c.CompileValue(g.Name, g.Expression, scope, ScopeKind.Global, i, null, false);
            globals.Add(compiled);
            scope.Add(new ScopeVariable(g.Name, compiled.Type, ScopeKind.Global, i));
        }

        var rules = set.Rules.Select(r => c.CompileRule(r, scope)).ToList();
        var outputs = set.Outputs.Select((o, i) => c.CompileValue(o.Name, o.Expression, scope, ScopeKind.Local, i, null, o.IsMoney)).ToList();
        Parallel.Invoke(c._predicates.Compile, c._values.Compile); // independent batches: use both cores

        diagnostics = c._diagnostics;
        return new CompiledWorkflow
        {
            RuleSet = set,
            InputShape = shape ?? RType.Unknown,
            Globals = globals,
            Rules = rules,
            Outputs = outputs,
            LocalCount = c._localCount,
            MaxTrace = c._maxTrace,
            Parameters = c._parameters,
            Usage = shape is null ? null : c._usage,
            AllRules = c._allRules,
            Explaining = trace || shape is null ? null : new Lazy<CompiledWorkflow>(() => Compile(set, shape, out _, trace: true)),
        };
    }

    private (SyntaxNode Syntax, Binder Binder, DiagnosticBag Bag) Prepare(ExpressionSource source, IReadOnlyList<ScopeVariable> scope)
    {
        var bag = new DiagnosticBag();
        var syntax = Parser.Parse(source.Text, bag);
        var binder = new Binder(new BindEnvironment(_shape, scope, _parameters.Variables) { Usage = _usage, Reads = _reads, Plain = _set.Inputs is null }, bag, _context, _trace)
        {
            Locate = source.Node is { } node ? node.PositionOf : null,
        };
        return (syntax, binder, bag);
    }

    private string? Report(DiagnosticBag bag, ExpressionSource source, string? owner)
    {
        if (!bag.HasErrors)
        {
            return null;
        }

        var mapped = bag.Items.Select(d => source.ToDiagnostic(d, owner)).ToList();
        _diagnostics.AddRange(mapped);
        return string.Join("; ", mapped.Select(d => $"{d.Code} {d.Message} (at {d.Line}:{d.Column})"));
    }

    private CompiledScopedParam CompileValue(string name, ExpressionSource source, IReadOnlyList<ScopeVariable> scope, ScopeKind kind, int slot, string? owner, bool isMoney)
    {
        var (syntax, binder, bag) = Prepare(source, scope);
        var bound = bag.HasErrors ? Bound.Error : binder.Bind(syntax);
        if (isMoney && bound.Type.Kind is not (TypeKind.Int or TypeKind.Decimal or TypeKind.Unknown or TypeKind.Null))
        {
            bag.Add(DiagnosticMessages.TypeMismatch, DiagnosticMessages.Format(DiagnosticMessages.TypeMismatchText, "a money amount (number)", bound.Type), syntax.Start, syntax.Length);
        }

        var error = Report(bag, source, owner ?? name);
        // A param or output keeps its value whole (it may be printed or returned), so all of it is read.
        _usage.MarkAll(bound.Type);
        CompiledBatch<Value>.Slot? compute = null;
        if (error is null && bound.Expr is not null && _shape is not null)
        {
            compute = _values.Add(Binder.ToValue(bound));
        }

        _ = kind;
        return new CompiledScopedParam(name, bound.Type, slot, compute, error ?? (compute is null && _shape is not null ? "not compiled" : null), isMoney);
    }

    private CompiledRule CompileRule(RuleDefinition rule, List<ScopeVariable> outer)
    {
        var scope = new List<ScopeVariable>(outer);
        var locals = new List<CompiledScopedParam>();
        foreach (var lp in rule.LocalParams)
        {
            var slot = _localCount++;
            var compiled = CompileValue(lp.Name, lp.Expression, scope, ScopeKind.Local, slot, rule.Name, false);
            locals.Add(compiled);
            scope.Add(new ScopeVariable(lp.Name, compiled.Type, ScopeKind.Local, slot));
        }

        var children = rule.Rules.Select(r => CompileRule(r, scope)).ToList();
        CompiledBatch<bool>.Slot? predicate = null;
        string? error = null;
        SyntaxNode? syntax = null;
        IReadOnlyList<SyntaxNode> traced = [];
        if (rule.Expression is { } source)
        {
            var (s, binder, bag) = Prepare(source, scope);
            syntax = s;
            var body = bag.HasErrors ? null : binder.BindCondition(s, out _);
            error = Report(bag, source, rule.Name);
            if (error is null && body is not null && _shape is not null)
            {
                predicate = _predicates.Add(body);
                traced = binder.TracedNodes;
                _maxTrace += traced.Count;
            }
        }

        MarkPlaceholders(rule.ErrorMessage, scope);
        var localError = locals.FirstOrDefault(l => l.Error is not null)?.Error;
        var compiledRule = new CompiledRule
        {
            Ordinal = _allRules.Count,
            Definition = rule,
            Predicate = predicate,
            CompileError = error ?? localError,
            CompileErrorInParam = error is null && localError is not null,
            Locals = locals,
            Children = children,
            OnSuccess = CompileAction(rule.OnSuccess, scope, rule.Name),
            OnFailure = CompileAction(rule.OnFailure, scope, rule.Name),
            OnSuccessCall = CompileCall(rule.OnSuccess, scope, rule.Name),
            OnFailureCall = CompileCall(rule.OnFailure, scope, rule.Name),
            Syntax = syntax,
            TracedNodes = traced,
            Scope = scope,
        };
        _allRules.Add(compiledRule);
        return compiledRule;
    }

    /// <summary>Members named by <c>$(path)</c> placeholders are read too, so the message can print them.</summary>
    private void MarkPlaceholders(string? template, List<ScopeVariable> scope)
    {
        if (template is null || _shape is null)
        {
            return;
        }

        var at = 0;
        while ((at = template.IndexOf("$(", at, StringComparison.Ordinal)) >= 0)
        {
            var end = template.IndexOf(')', at);
            if (end < 0)
            {
                return;
            }

            var parts = template[(at + 2)..end].Split('.');
            at = end;
            var type = scope.LastOrDefault(v => v.Name == parts[0])?.Type;
            if (type is null && _shape.MemberIndex(parts[0]) is var i and >= 0)
            {
                _usage.Mark(_shape, i);
                type = _shape.Members![i].Value;
            }

            foreach (var part in parts.Skip(1))
            {
                var index = type?.Kind == TypeKind.Object ? type.MemberIndex(part) : -1;
                if (index < 0)
                {
                    type = null;
                    break;
                }

                _usage.Mark(type!, index);
                type = type!.Members![index].Value;
            }

            if (type is not null)
            {
                _usage.MarkAll(type);
            }
        }
    }

    private CompiledScopedParam? CompileAction(ActionDefinition? action, List<ScopeVariable> scope, string rule)
        => action?.Expression is { } e ? CompileValue("output", e, scope, ScopeKind.Local, 0, rule, false) : null;

    /// <summary>
    /// An EvaluateRule action: the target sees the caller's inputs (those of <c>inputFilter</c> when given) followed by
    /// the additional inputs, computed in the caller's scope; an additional input replaces a passed one of the same name.
    /// </summary>
    private CompiledRuleCall? CompileCall(ActionDefinition? action, List<ScopeVariable> scope, string rule)
    {
        if (action is not { IsEvaluateRule: true })
        {
            return null;
        }

        var additional = action.AdditionalInputs.Select(a => CompileValue(a.Name, a.Expression, scope, ScopeKind.Local, 0, rule, false)).ToList();
        var members = new List<KeyValuePair<string, RType>>();
        var passed = new List<int>();
        if (_shape?.Members is { } inputs)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var name = inputs[i].Key;
                if ((action.InputFilter is null || action.InputFilter.Contains(name, StringComparer.Ordinal))
                    && !action.AdditionalInputs.Any(a => a.Name == name))
                {
                    // The target may read any part of what it is given, so the projection must keep all of it.
                    _usage.Mark(_shape, i);
                    _usage.MarkAll(inputs[i].Value);
                    members.Add(inputs[i]);
                    passed.Add(i);
                }
            }
        }

        foreach (var a in additional)
        {
            members.Add(new(a.Name, a.Type));
            passed.Add(-1);
        }

        return new CompiledRuleCall
        {
            Definition = action,
            Passed = passed,
            Additional = additional,
            Shape = RType.ObjectOf(members),
            Error = additional.Find(a => a.Error is not null)?.Error,
        };
    }
}
