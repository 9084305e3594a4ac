using System.Globalization;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>
/// Builds the explanation tree of a rule from its syntax tree and what the traced nodes recorded. Only the conditions
/// that decided the outcome are kept: the first false operand of a failed AND, the first true operand of a passed OR.
/// </summary>
internal sealed class ExplanationBuilder
{
    private readonly string _text;
    private readonly Dictionary<SyntaxNode, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly TraceEntry[] _trace;
    private readonly int _base;
    private readonly IReadOnlyDictionary<string, ParameterUse> _parameters;

    private ExplanationBuilder(string text, IReadOnlyList<SyntaxNode> traced, TraceEntry[] trace, int traceBase, IReadOnlyDictionary<string, ParameterUse> parameters)
    {
        _text = text;
        _trace = trace;
        _base = traceBase;
        _parameters = parameters;
        for (var i = 0; i < traced.Count; i++)
        {
            _ids[traced[i]] = i;
        }
    }

    public static Explanation Build(string text, SyntaxNode root, IReadOnlyList<SyntaxNode> traced, TraceEntry[] trace, int traceBase, IReadOnlyDictionary<string, ParameterUse> parameters)
        => new ExplanationBuilder(text, traced, trace, traceBase, parameters).Explain(root);

    private TraceEntry? Entry(SyntaxNode n)
        => _ids.TryGetValue(n, out var id) && _base + id < _trace.Length && _trace[_base + id].Seen ? _trace[_base + id] : null;

    private string Source(SyntaxNode n) => n.Length > 0 && n.End <= _text.Length ? _text.Substring(n.Start, n.Length) : string.Empty;

    private Explanation Explain(SyntaxNode node)
    {
        var entry = Entry(node);
        var outcome = entry?.Result;
        var text = Source(node);
        switch (node)
        {
            case SyntaxNode.Binary { Operator: BinaryOperator.And or BinaryOperator.Or } b:
            {
                var isAnd = b.Operator == BinaryOperator.And;
                var operands = Flatten(b, b.Operator).Where(o => Entry(o) is not null).ToList();
                // The deciding operand: for AND the first false one, for OR the first true one; otherwise all that ran.
                var decisive = operands.FirstOrDefault(o => Entry(o)!.Value.Result == !isAnd);
                var kept = decisive is not null ? [decisive] : operands;
                var children = kept.Select(Explain).ToList();
                var word = outcome == true ? ("vrai", "true") : ("faux", "false");
                return new Explanation(text, outcome, $"{text} est {word.Item1}", $"{text} is {word.Item2}", children);
            }

            case SyntaxNode.Unary { Operator: UnaryOperator.Not } u:
            {
                var inner = Explain(u.Operand);
                return new Explanation(text, outcome, $"non ({inner.Fr})", $"not ({inner.En})", [inner]);
            }

            case SyntaxNode.Binary b when SyntaxFacts.IsComparison(b.Operator) && entry is { } e:
                return Comparison(b, e, text);
            default:
                var value = Show(outcome);
                return new Explanation(text, outcome, $"{text} = {value}", $"{text} = {value}", []);
        }
    }

    private static IEnumerable<SyntaxNode> Flatten(SyntaxNode node, BinaryOperator op)
    {
        if (node is SyntaxNode.Binary b && b.Operator == op)
        {
            foreach (var n in Flatten(b.Left, op).Concat(Flatten(b.Right, op)))
            {
                yield return n;
            }
        }
        else
        {
            yield return node;
        }
    }

    private Explanation Comparison(SyntaxNode.Binary b, TraceEntry e, string text)
    {
        var op = SyntaxFacts.Text(b.Operator);
        var leftText = Source(b.Left);
        var rightIsParameter = b.Right is SyntaxNode.Member { Target: SyntaxNode.Name { Identifier: "params" } };
        var left = Show(e.Left, e.Kind);
        var right = Show(e.Right, e.Kind);
        var rightText = b.Right is SyntaxNode.Literal || rightIsParameter ? (b.Right is SyntaxNode.Literal ? right : Source(b.Right)) : $"{Source(b.Right)} ({right})";
        string fr;
        string en;
        if (IsMissing(e.Left) && b.Right is not SyntaxNode.Literal { Value: null })
        {
            fr = $"{leftText} est absent, attendu {op} {rightText}";
            en = $"{leftText} is missing, expected {op} {rightText}";
        }
        else if (IsMissing(e.Right) && b.Right is not SyntaxNode.Literal { Value: null })
        {
            fr = $"{Source(b.Right)} est absent";
            en = $"{Source(b.Right)} is missing";
        }
        else
        {
            fr = $"{leftText} = {left}, attendu {op} {rightText}";
            en = $"{leftText} = {left}, expected {op} {rightText}";
        }

        foreach (var side in new[] { b.Left, b.Right })
        {
            if (side is SyntaxNode.Member { Target: SyntaxNode.Name { Identifier: "params" } } p && _parameters.TryGetValue(p.MemberName, out var use))
            {
                var basis = use.LegalBasis is null ? string.Empty : $"; {use.LegalBasis.Text}{(use.LegalBasis.Link is null ? string.Empty : " " + use.LegalBasis.Link)}";
                var from = use.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                fr += $" (params.{p.MemberName} = {ValueJson.ToText(use.Value)} depuis le {from}{basis})";
                en += $" (params.{p.MemberName} = {ValueJson.ToText(use.Value)} since {from}{basis})";
            }
        }

        return new Explanation(text, e.Result, fr, en, []);
    }

    private static bool IsMissing(Value v) => !v.Present && v.Ref is null;

    private static string Show(Value v, Binding.TypeKind kind)
    {
        if (IsMissing(v))
        {
            return "null";
        }

        return kind switch
        {
            Binding.TypeKind.Int => v.Bits.ToString(CultureInfo.InvariantCulture),
            Binding.TypeKind.Decimal => v.Dec.ToString(CultureInfo.InvariantCulture),
            Binding.TypeKind.Bool => v.Bits != 0 ? "true" : "false",
            Binding.TypeKind.Date => ValueOps.Text(new DateTime(v.Bits)) ?? "null",
            Binding.TypeKind.Span => new TimeSpan(v.Bits).ToString("c", CultureInfo.InvariantCulture),
            _ => Show(v.Ref),
        };
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => ValueOps.Text(v) ?? "null",
    };
}
