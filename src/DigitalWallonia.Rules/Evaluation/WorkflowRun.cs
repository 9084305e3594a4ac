using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>One evaluation of a compiled rule set: globals once, then each enabled top-level rule in order, then outputs.</summary>
internal sealed class WorkflowRun
{
    /// <summary>
    /// How many EvaluateRule actions may be nested in one evaluation. Cycles are refused when the file is checked, but
    /// the versions in force on a date could still combine into one; this bound makes every evaluation end.
    /// </summary>
    public const int MaxRuleCallDepth = 16;

    private static readonly IReadOnlyDictionary<string, JsonNode?> NoOutputs = new Dictionary<string, JsonNode?>();
    private static readonly Dictionary<string, ParameterUse> NoParameters = [];
    private readonly CompiledWorkflow _workflow;
    private readonly EvalContext _ctx;
    private readonly DateOnly _asOf;
    private readonly bool _explain;
    private readonly List<ParameterUse>? _parameterUses;
    private readonly IReadOnlyList<string> _callers;
    private string? _globalError;
    private ExplanationSource? _explanations;

    /// <summary><paramref name="callers"/>: the rules whose EvaluateRule actions led here (<c>Workflow.Rule</c>), outermost first.</summary>
    public WorkflowRun(CompiledWorkflow workflow, Value[] inputs, DateOnly asOf, bool explain, EvaluationLimits limits, IReadOnlyList<string>? callers = null)
    {
        _workflow = workflow;
        _callers = callers ?? [];
        _asOf = asOf;
        _explain = explain;
        _ctx = new EvalContext
        {
            Inputs = inputs,
            Globals = workflow.Globals.Count == 0 ? [] : new Value[workflow.Globals.Count],
            Locals = workflow.LocalCount == 0 ? [] : new Value[workflow.LocalCount],
            Today = asOf.ToDateTime(TimeOnly.MinValue),
            Limits = limits,
        };
        if (workflow.RuleSet.Parameters.Count > 0)
        {
            var (values, used) = workflow.Parameters.Resolve(asOf);
            _ctx.Params = values;
            _parameterUses = [];
            for (var i = 0; i < used.Length; i++)
            {
                if (used[i] is { } u)
                {
                    _parameterUses.Add(new ParameterUse(workflow.RuleSet.Parameters[i].Name, u.Value?.DeepClone(), u.ValidFrom, u.LegalBasis));
                }
            }
        }
    }

    public EvaluationResult Execute()
    {
        if (_explain)
        {
            _explanations = new ExplanationSource(_workflow, _ctx, _parameterUses is null ? NoParameters : _parameterUses.ToDictionary(p => p.Name, StringComparer.Ordinal));
        }

        ComputeGlobals();
        var rules = _workflow.Rules;
        var results = new List<RuleResult>(rules.Count);
        foreach (var r in rules)
        {
            if (r.Definition.Enabled)
            {
                results.Add(RunRule(r, topLevel: true));
            }
        }

        var outputs = NoOutputs;
        if (_workflow.Outputs.Count > 0 && results.TrueForAll(r => r.IsSuccess))
        {
            var dict = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var o in _workflow.Outputs)
            {
                dict[o.Name] = ComputeJson(o, out _);
            }

            outputs = dict;
        }

        return new EvaluationResult
        {
            RuleSetName = _workflow.RuleSet.Name,
            Version = _workflow.RuleSet.Version,
            AsOf = _asOf,
            Results = results,
            Outputs = outputs,
            Parameters = (IReadOnlyList<ParameterUse>?)_parameterUses ?? [],
        };
    }

    /// <summary>Runs one top-level rule (the target of an EvaluateRule action), after the workflow's globals.</summary>
    public RuleResult ExecuteRule(CompiledRule rule)
    {
        ComputeGlobals();
        return RunRule(rule, topLevel: true);
    }

    private void ComputeGlobals()
    {
        foreach (var g in _workflow.Globals)
        {
            if (g.Error is not null)
            {
                _globalError ??= $"GlobalParam '{g.Name}': {g.Error}";
                continue;
            }

            try
            {
                _ctx.Globals[g.Slot] = g.Compute!.Invoke(_ctx.Refill()); // a param without error always has a delegate.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _globalError ??= $"GlobalParam '{g.Name}': {e.Message}";
            }
        }
    }

    private JsonNode? ComputeJson(CompiledScopedParam p, out string? error)
    {
        error = p.Error;
        if (p.Compute is null)
        {
            return null;
        }

        try
        {
            var v = p.Compute.Invoke(_ctx.Refill());
            return ValueJson.ToJson(p.IsMoney ? ValueJson.RoundMoney(v, p.Type) : v, p.Type);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.Message;
            return null;
        }
    }

    private RuleResult Error(CompiledRule rule, RuleStatus status, string message) => new()
    {
        RuleName = rule.Definition.Name,
        IsSuccess = false,
        Status = status,
        ExceptionMessage = message,
        ErrorMessage = rule.Definition.ErrorMessage,
    };

    private RuleResult RunRule(CompiledRule rule, bool topLevel)
    {
        var def = rule.Definition;
        if (_globalError is not null)
        {
            return Error(rule, RuleStatus.RuntimeError, $"Error while executing rule : {def.Name} - {_globalError}");
        }

        if (rule.CompileError is not null)
        {
            return Error(rule, rule.CompileErrorInParam ? RuleStatus.CompileError : RuleStatus.ParseError, $"Error in rule {def.Name}: {rule.CompileError}");
        }

        foreach (var local in rule.Locals)
        {
            try
            {
                _ctx.Locals[local.Slot] = local.Compute!.Invoke(_ctx.Refill()); // CompileError is set whenever a local has no delegate.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Error(rule, RuleStatus.RuntimeError, $"Error while executing LocalParam '{local.Name}' of rule {def.Name} - {e.Message}");
            }
        }

        bool success;
        List<RuleResult>? children = null;
        if (rule.Children.Count > 0)
        {
            children = [];
            foreach (var c in rule.Children)
            {
                if (c.Definition.Enabled)
                {
                    children.Add(RunRule(c, topLevel: false));
                }
            }

            success = def.Operator == Model.RuleOperator.Or ? children.Exists(c => c.IsSuccess) : children.TrueForAll(c => c.IsSuccess);
        }
        else if (rule.Predicate is null)
        {
            return Error(rule, RuleStatus.ParseError, $"Error in rule {def.Name}: the rule has no expression");
        }
        else
        {
            try
            {
                success = rule.Predicate.Invoke(_ctx.Refill());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Error(rule, RuleStatus.RuntimeError, $"Error while executing rule : {def.Name} - {e.Message}");
            }
        }

        JsonNode? actionOutput = null;
        var action = success ? rule.OnSuccess : rule.OnFailure;
        var call = success ? rule.OnSuccessCall : rule.OnFailureCall;
        string? actionError = null;
        if (action is not null)
        {
            actionOutput = ComputeJson(action, out actionError);
        }
        else if (call is not null)
        {
            actionOutput = Call(call, def.Name, out actionError);
        }

        // As in RulesEngine, an action that fails leaves the rule's outcome alone: the result keeps its success or
        // failure, has no output, and says why in ActionError (a caller reading the output must look there).
        actionError = actionError is null ? null : $"Error while executing action of rule {def.Name} - {actionError}";
        return new RuleResult
        {
            RuleName = def.Name,
            IsSuccess = success,
            Status = success ? RuleStatus.Success : RuleStatus.Failure,
            SuccessEvent = success ? def.SuccessEvent ?? def.Name : null,
            // RulesEngine fills the message of top-level rules only; nested results carry none.
            ExceptionMessage = success || !topLevel ? null : MessageFormatter.Format(def.ErrorMessage, rule, _workflow, _ctx),
            ErrorMessage = def.ErrorMessage,
            ActionOutput = actionOutput,
            ActionError = actionError,
            Children = (IReadOnlyList<RuleResult>?)children ?? [],
            ExplanationSource = (_explanations, rule.Ordinal),
        };
    }

    /// <summary>
    /// EvaluateRule: runs the target rule (the version of its workflow in force on the evaluation date, from the same
    /// file) on the inputs the action passes, with the target's own globals and action. As in RulesEngine, the action's
    /// output is the output of the target rule's own action (null when it has none for its outcome). A target that
    /// ends in an error status, or whose action fails, makes the calling rule's action fail (ActionError), rather than be
    /// silently ignored.
    /// </summary>
    private JsonNode? Call(CompiledRuleCall call, string caller, out string? error)
    {
        var def = call.Definition;
        var chain = _callers.Append($"{_workflow.RuleSet.Name}.{caller}").ToList();
        var targetName = $"{def.WorkflowName}.{def.RuleName}";
        error = call.Error;
        if (error is not null)
        {
            return null;
        }

        if (chain.Count > MaxRuleCallDepth)
        {
            error = $"EvaluateRule {targetName}: more than {MaxRuleCallDepth} rules evaluate each other ({string.Join(" → ", chain)})";
            return null;
        }

        var file = _workflow.RuleSet.LoadedWith;
        var target = file?.Resolve(def.WorkflowName!, _asOf); // an EvaluateRule action always names both.
        var compiled = target is null ? null : file!.Compiled(target, call.Shape);
        var rule = compiled?.Rules.FirstOrDefault(r => r.Definition.Enabled && r.Definition.Name == def.RuleName);
        if (rule is null)
        {
            error = $"EvaluateRule {targetName}: no such enabled rule in the version of '{def.WorkflowName}' in force on {_asOf:yyyy-MM-dd}";
            return null;
        }

        var inputs = new Value[call.Passed.Count];
        var additional = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (call.Passed[i] >= 0)
            {
                inputs[i] = _ctx.Inputs[call.Passed[i]];
                continue;
            }

            var a = call.Additional[additional++];
            try
            {
                inputs[i] = a.Compute!.Invoke(_ctx.Refill()); // call.Error is set whenever an additional input has no delegate.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = $"EvaluateRule {targetName}: additional input '{a.Name}' - {e.Message}";
                return null;
            }
        }

        var result = new WorkflowRun(compiled!, inputs, _asOf, explain: false, _ctx.Limits, chain).ExecuteRule(rule); // rule is non-null only with compiled.
        if (result.Status is not (RuleStatus.Success or RuleStatus.Failure))
        {
            error = $"EvaluateRule {targetName}: {result.ExceptionMessage}";
            return null;
        }

        if (result.ActionError is not null)
        {
            // The target's own action failed: its output is what this action returns, so this action fails too.
            error = $"EvaluateRule {targetName}: {result.ActionError}";
            return null;
        }

        return result.ActionOutput;
    }
}
