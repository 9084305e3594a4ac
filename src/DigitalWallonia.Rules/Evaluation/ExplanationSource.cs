using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>
/// What a rule saw, kept with its result so the explanation can be rendered on first access. One object per explained
/// rule: capturing must stay cheap because it happens on every evaluation asked to explain.
/// </summary>
internal sealed class ExplanationSource
{
    private readonly string _text;
    private readonly SyntaxNode? _syntax;
    private readonly IReadOnlyList<SyntaxNode> _traced;
    private readonly TraceEntry[]? _trace;
    private readonly int _traceBase;
    private readonly IReadOnlyDictionary<string, ParameterUse> _parameters;
    private readonly Model.RuleOperator _operator;
    private readonly bool _success;
    private readonly List<RuleResult>? _children;

    /// <summary>A rule with an expression.</summary>
    public ExplanationSource(string text, SyntaxNode syntax, IReadOnlyList<SyntaxNode> traced, TraceEntry[] trace, int traceBase, IReadOnlyDictionary<string, ParameterUse> parameters)
    {
        (_text, _syntax, _traced, _trace, _traceBase, _parameters) = (text, syntax, traced, trace, traceBase, parameters);
    }

    /// <summary>A rule made of nested rules.</summary>
    public ExplanationSource(string name, Model.RuleOperator op, bool success, List<RuleResult> children)
    {
        (_text, _operator, _success, _children, _traced, _parameters) = (name, op, success, children, [], new Dictionary<string, ParameterUse>());
    }

    public Explanation Render()
    {
        if (_syntax is not null && _trace is not null)
        {
            return ExplanationBuilder.Build(_text, _syntax, _traced, _trace, _traceBase, _parameters);
        }

        var (fr, en) = _operator == Model.RuleOperator.Or ? ("OU", "OR") : ("ET", "AND");
        return new Explanation(_text, _success, $"{_text} ({fr} des règles imbriquées) : {(_success ? "réussi" : "échoué")}",
            $"{_text} ({en} of nested rules): {(_success ? "passed" : "failed")}",
            (_children ?? []).Where(c => c.Explanation is not null).Select(c => c.Explanation!).ToList());
    }
}
