using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>
/// What is needed to explain the rules of one run, shared by all its results. Rules are pure functions of the run's
/// inputs, params, parameters and date, so the explanation replays a rule in the explaining (tracing) variant of the
/// compiled rule set when its text is first read. Explaining thus costs almost nothing during evaluation; the
/// tracing is paid only for explanations actually read.
/// </summary>
internal sealed class ExplanationSource
{
    private readonly CompiledWorkflow _workflow;
    private readonly EvalContext _context;
    private readonly IReadOnlyDictionary<string, ParameterUse> _parameters;

    public ExplanationSource(CompiledWorkflow workflow, EvalContext context, IReadOnlyDictionary<string, ParameterUse> parameters)
    {
        _workflow = workflow;
        _context = context;
        _parameters = parameters;
    }

    public Explanation? Render(int ordinal, RuleResult result)
    {
        if (result.Status is not (RuleStatus.Success or RuleStatus.Failure))
        {
            return null;
        }

        var explaining = _workflow.Explaining?.Value ?? _workflow;
        var rule = explaining.AllRules[ordinal];
        var def = rule.Definition;
        if (rule.Children.Count > 0)
        {
            var (fr, en) = def.Operator == Model.RuleOperator.Or ? ("OU", "OR") : ("ET", "AND");
            var success = result.IsSuccess;
            return new Explanation(def.Name, success, $"{def.Name} ({fr} des règles imbriquées) : {(success ? "réussi" : "échoué")}",
                $"{def.Name} ({en} of nested rules): {(success ? "passed" : "failed")}",
                result.Children.Where(c => c.Explanation is not null).Select(c => c.Explanation!).ToList());
        }

        if (rule.Predicate is null || rule.Syntax is null)
        {
            return null;
        }

        // The replay reads the run's slots (never writes them): safe even when several threads render at once.
        var ctx = new EvalContext
        {
            Inputs = _context.Inputs,
            Globals = _context.Globals,
            Locals = _context.Locals,
            Params = _context.Params,
            Today = _context.Today,
            Trace = new TraceEntry[rule.TracedNodes.Count],
            Limits = _context.Limits,
        };
        rule.Predicate.Invoke(ctx.Refill());
        return ExplanationBuilder.Build(def.Expression!.Text, rule.Syntax, rule.TracedNodes, ctx.Trace, 0, _parameters);
    }
}
