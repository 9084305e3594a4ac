using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>One evaluation of a compiled rule set: globals once, then each enabled top-level rule in order, then outputs.</summary>
internal sealed class WorkflowRun
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoOutputs = new Dictionary<string, JsonNode?>();
    private static readonly Dictionary<string, ParameterUse> NoParameters = [];
    private readonly CompiledWorkflow _workflow;
    private readonly EvalContext _ctx;
    private readonly DateOnly _asOf;
    private readonly bool _explain;
    private readonly List<ParameterUse>? _parameterUses;
    private string? _globalError;
    private ExplanationSource? _explanations;

    public WorkflowRun(CompiledWorkflow workflow, Value[] inputs, DateOnly asOf, bool explain)
    {
        _workflow = workflow;
        _asOf = asOf;
        _explain = explain;
        _ctx = new EvalContext
        {
            Inputs = inputs,
            Globals = workflow.Globals.Count == 0 ? [] : new Value[workflow.Globals.Count],
            Locals = workflow.LocalCount == 0 ? [] : new Value[workflow.LocalCount],
            Today = asOf.ToDateTime(TimeOnly.MinValue),
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

        foreach (var g in _workflow.Globals)
        {
            if (g.Error is not null)
            {
                _globalError ??= $"GlobalParam '{g.Name}': {g.Error}";
                continue;
            }

            try
            {
                _ctx.Globals[g.Slot] = g.Compute!.Invoke(_ctx); // a param without error always has a delegate.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _globalError ??= $"GlobalParam '{g.Name}': {e.Message}";
            }
        }

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

    private JsonNode? ComputeJson(CompiledScopedParam p, out string? error)
    {
        error = p.Error;
        if (p.Compute is null)
        {
            return null;
        }

        try
        {
            var v = p.Compute.Invoke(_ctx);
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
                _ctx.Locals[local.Slot] = local.Compute!.Invoke(_ctx); // CompileError is set whenever a local has no delegate.
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
                success = rule.Predicate.Invoke(_ctx);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Error(rule, RuleStatus.RuntimeError, $"Error while executing rule : {def.Name} - {e.Message}");
            }
        }

        JsonNode? actionOutput = null;
        var action = success ? rule.OnSuccess : rule.OnFailure;
        if (action is not null)
        {
            actionOutput = ComputeJson(action, out var actionError);
            if (actionError is not null)
            {
                return Error(rule, RuleStatus.RuntimeError, $"Error while executing action of rule {def.Name} - {actionError}");
            }
        }

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
            Children = (IReadOnlyList<RuleResult>?)children ?? [],
            ExplanationSource = (_explanations, rule.Ordinal),
        };
    }
}
