using System.Linq.Expressions;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Binding;

/// <summary>
/// The type checker. It resolves every name against the allow-list (inputs, params, 'today', documented functions),
/// checks operand types, and at the same time builds the System.Linq.Expressions code for the expression, so the
/// checked tree and the compiled code cannot disagree. Never throws on user input; reports positioned diagnostics.
/// </summary>
internal sealed partial class Binder
{
    private readonly BindEnvironment _env;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<LambdaScope> _lambdas = [];

    /// <summary>When set, comparisons and conditions record what they saw (the explanation variant of the code).</summary>
    private readonly bool _trace;

    public Binder(BindEnvironment env, DiagnosticBag diagnostics, ParameterExpression? context = null, bool trace = false)
    {
        _env = env;
        _diagnostics = diagnostics;
        _trace = trace;
        Context = context ?? Expression.Parameter(typeof(EvalContext), "ctx");
    }

    public ParameterExpression Context { get; }

    /// <summary>Maps an offset in the expression to its line and column in the rule file, for runtime errors; null when unknown.</summary>
    public Func<int, (int Line, int Column)>? Locate { get; init; }

    /// <summary>Where <paramref name="node"/>'s method name stands, as a runtime error says it.</summary>
    private string Where(SyntaxNode.Call node)
    {
        var offset = node.NameStart;
        return Locate?.Invoke(offset) is ({ } line, { } column) and (> 0, _)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at line {line}, column {column} ('{node.MethodName}')")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at character {offset + 1} of the expression ('{node.MethodName}')");
    }

    private string Where(SyntaxNode.Binary node)
        => Locate?.Invoke(node.OperatorStart) is ({ } line, { } column) and (> 0, _)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at line {line}, column {column} ('+')")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at character {node.OperatorStart + 1} of the expression ('+')");

    /// <summary>Nodes that record what they saw when explaining, by trace id.</summary>
    public List<SyntaxNode> TracedNodes { get; } = [];

    private readonly Dictionary<SyntaxNode, int> _traceIds = new(ReferenceEqualityComparer.Instance);

    private sealed record LambdaScope(string? Name, ParameterExpression Parameter, RType Element);

    public Bound Bind(SyntaxNode node) => node switch
    {
        SyntaxNode.Literal l => BindLiteral(l),
        SyntaxNode.Name n => BindName(n),
        SyntaxNode.Member m => BindMember(m),
        SyntaxNode.Call c => BindCall(c),
        SyntaxNode.Index i => BindIndex(i),
        SyntaxNode.Unary u => BindUnary(u),
        SyntaxNode.Binary b => BindBinary(b),
        SyntaxNode.Conditional c => BindConditional(c),
        SyntaxNode.In i => BindIn(i),
        SyntaxNode.ListLiteral l => BindListLiteral(l),
        SyntaxNode.NewObject o => BindNewObject(o),
        SyntaxNode.Lambda l => Report(M.LambdaNotAllowed, M.LambdaNotAllowedText, l),
        _ => Bound.Error,
    };

    /// <summary>Binds a rule or condition: it must be boolean. Returns the code as a non-null bool (absent counts as false).</summary>
    public Expression? BindCondition(SyntaxNode node, out RType type)
    {
        var b = Bind(node);
        type = b.Type;
        if (b.Type.Kind is not (TypeKind.Bool or TypeKind.Unknown or TypeKind.Null))
        {
            _diagnostics.Add(M.TypeMismatch, M.Format(M.TypeMismatchText, "a boolean (true/false)", b.Type), node.Start, node.Length);
            return null;
        }

        return b.Expr is null ? null : ToBool(Traced(node, Convert(b, RType.Bool)!));
    }

    private Bound Report(string code, string message, SyntaxNode at)
    {
        _diagnostics.Add(code, message, at.Start, at.Length);
        return Bound.Error;
    }

    private Bound Report(string code, string message, int start, int length)
    {
        _diagnostics.Add(code, message, start, length);
        return Bound.Error;
    }

    private static Bound BindLiteral(SyntaxNode.Literal l) => l.Value switch
    {
        long v => new Bound(RType.Int, Expression.Constant(v, typeof(long?))),
        decimal v => new Bound(RType.Decimal, Expression.Constant(v, typeof(decimal?))),
        string v => new Bound(RType.String, Expression.Constant(v, typeof(string))),
        bool v => new Bound(RType.Bool, Expression.Constant(v, typeof(bool?))),
        _ => new Bound(RType.Null, Expression.Constant(null, typeof(object))),
    };

    public static Type Clr(RType t) => t.Kind switch
    {
        TypeKind.Int => typeof(long?),
        TypeKind.Decimal => typeof(decimal?),
        TypeKind.Bool => typeof(bool?),
        TypeKind.Date => typeof(DateTime?),
        TypeKind.Span => typeof(TimeSpan?),
        TypeKind.String => typeof(string),
        TypeKind.Object or TypeKind.List => typeof(Value[]),
        _ => typeof(object),
    };

    /// <summary>The code of <paramref name="b"/> as type <paramref name="target"/> (null literal, integer to decimal).</summary>
    private static Expression? Convert(Bound b, RType target)
    {
        if (b.Expr is null)
        {
            return null;
        }

        if (b.Type.Kind == TypeKind.Null)
        {
            return Expression.Constant(null, Clr(target));
        }

        if (b.Type.Kind == TypeKind.Int && target.Kind == TypeKind.Decimal)
        {
            return Expression.Convert(b.Expr, typeof(decimal?));
        }

        return b.Expr.Type == Clr(target) ? b.Expr : Expression.Convert(b.Expr, Clr(target));
    }

    private static Expression ToBool(Expression nullableBool)
    {
        if (nullableBool.Type == typeof(bool))
        {
            return nullableBool;
        }

        // A comparison is a bool converted to bool?: use the bool directly.
        if (nullableBool is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Operand.Type == typeof(bool))
        {
            return u.Operand;
        }

        return Expression.Call(nullableBool, typeof(bool?).GetMethod("GetValueOrDefault", Type.EmptyTypes)!);
    }

    private static Expression ToNullableBool(Expression e) => e.Type == typeof(bool?) ? e : Expression.Convert(e, typeof(bool?));

    private int TraceId(SyntaxNode node)
    {
        if (!_traceIds.TryGetValue(node, out var id))
        {
            id = TracedNodes.Count;
            TracedNodes.Add(node);
            _traceIds[node] = id;
        }

        return id;
    }

    /// <summary>Wraps a boolean sub-expression so that, when explaining, its outcome is recorded.</summary>
    private Expression Traced(SyntaxNode node, Expression boolExpr)
    {
        // Comparisons record their operands and outcome themselves; wrapping them again would only cost time.
        if (_lambdas.Count > 0 || !_trace || node is SyntaxNode.Binary { Operator: var op } && SyntaxFacts.IsComparison(op))
        {
            return boolExpr;
        }

        var id = TraceId(node);
        return Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.RecordBool)), Context, Expression.Constant(id), ToNullableBool(boolExpr));
    }

    private Expression ContextField(string name) => _env.Reads is { } reads ? reads.Field(Context, name) : Expression.Field(Context, name);

    private Expression ReadSlot(Expression array, int slot, RType t)
        => _env.Reads is { } reads ? reads.Slot(array, slot, t, BuildReadSlot) : BuildReadSlot(array, slot, t);

    private static Expression BuildReadSlot(Expression array, int slot, RType t)
    {
        var name = t.Kind switch
        {
            TypeKind.Int => nameof(ValueOps.GetInt),
            TypeKind.Decimal => nameof(ValueOps.GetDecimal),
            TypeKind.Bool => nameof(ValueOps.GetBool),
            TypeKind.Date => nameof(ValueOps.GetDate),
            TypeKind.Span => nameof(ValueOps.GetSpan),
            TypeKind.String => nameof(ValueOps.GetString),
            TypeKind.Object or TypeKind.List => nameof(ValueOps.GetArray),
            _ => null,
        };
        return name is null
            ? Expression.Constant(null, typeof(object))
            : Expression.Call(Methods.Get(typeof(ValueOps), name), array, Expression.Constant(slot));
    }

    private static Expression ReadValue(Expression value, RType t)
    {
        var name = t.Kind switch
        {
            TypeKind.Int => nameof(ValueOps.AsInt),
            TypeKind.Decimal => nameof(ValueOps.AsDecimal),
            TypeKind.Bool => nameof(ValueOps.AsBool),
            TypeKind.Date => nameof(ValueOps.AsDate),
            TypeKind.Span => nameof(ValueOps.AsSpan),
            TypeKind.String => nameof(ValueOps.AsString),
            TypeKind.Object or TypeKind.List => nameof(ValueOps.AsArray),
            _ => null,
        };
        return name is null
            ? Expression.Constant(null, typeof(object))
            : Expression.Call(Methods.Get(typeof(ValueOps), name), value);
    }

    /// <summary>Packs a typed value into a <see cref="Value"/> slot.</summary>
    public static Expression ToValue(Bound b)
    {
        var e = b.Expr!;
        return b.Type.Kind switch
        {
            TypeKind.Int => Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.FromInt)), e),
            TypeKind.Decimal => Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.FromDecimal)), e),
            TypeKind.Bool => Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.FromBool)), e),
            TypeKind.Date => Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.FromDate)), e),
            TypeKind.Span => Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.FromSpan)), e),
            TypeKind.String or TypeKind.Object or TypeKind.List => Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.FromRef)), Expression.Convert(e, typeof(object))),
            _ => Expression.Default(typeof(Value)),
        };
    }

    private Bound BindIndex(SyntaxNode.Index i)
    {
        var target = Bind(i.Target);
        var index = Bind(i.Argument);
        if (target.Type.Kind == TypeKind.Unknown)
        {
            return Bound.Error;
        }

        if (target.Type.Kind != TypeKind.List)
        {
            return Report(M.NotIndexable, M.Format(M.NotIndexableText, target.Type), i.Target);
        }

        if (index.Type.Kind is not (TypeKind.Int or TypeKind.Unknown))
        {
            return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, "an integer index", index.Type), i.Argument);
        }

        var elem = target.Type.Element!;
        if (target.Expr is null || index.Expr is null)
        {
            return new Bound(elem, null);
        }

        var item = Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.Item)), target.Expr, index.Expr);
        return new Bound(elem, ReadValue(item, elem));
    }

    private Bound BindListLiteral(SyntaxNode.ListLiteral l)
    {
        var items = l.Items.Select(Bind).ToList();
        var elem = items.Count == 0 ? RType.Null : items[0].Type;
        foreach (var it in items.Skip(1))
        {
            var u = Unify(elem, it.Type);
            if (u is null)
            {
                return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, elem.ToString(), it.Type), l);
            }

            elem = u;
        }

        if (items.Any(i => i.Expr is null) || elem.Kind == TypeKind.Unknown)
        {
            return new Bound(RType.ListOf(elem), null);
        }

        var values = items.Select(i => ToValue(new Bound(elem, Convert(i, elem)))).ToList();
        return new Bound(RType.ListOf(elem), Expression.NewArrayInit(typeof(Value), values));
    }

    private Bound BindNewObject(SyntaxNode.NewObject o)
    {
        var members = new List<KeyValuePair<string, RType>>();
        var values = new List<Expression>();
        var known = true;
        foreach (var (name, node) in o.Members)
        {
            var b = Bind(node);
            if (members.Any(m => m.Key == name))
            {
                Report(M.DuplicateName, M.Format(M.DuplicateNameText, "member", name), node);
            }

            members.Add(new(name, b.Type));
            known &= b.Expr is not null;
            if (b.Expr is not null)
            {
                values.Add(ToValue(b));
            }
        }

        var type = RType.ObjectOf(members);
        return new Bound(type, known ? Expression.NewArrayInit(typeof(Value), values) : null);
    }

    /// <summary>The common type of two operands (integer widens to decimal; null takes the other side's type), or null.</summary>
    private static RType? Unify(RType a, RType b)
    {
        if (a.Kind == TypeKind.Unknown || b.Kind == TypeKind.Unknown)
        {
            return RType.Unknown;
        }

        if (a.Kind == TypeKind.Null)
        {
            return b;
        }

        if (b.Kind == TypeKind.Null)
        {
            return a;
        }

        if (a.IsNumeric && b.IsNumeric)
        {
            return a.Kind == TypeKind.Decimal || b.Kind == TypeKind.Decimal ? RType.Decimal : RType.Int;
        }

        if (a.Kind == b.Kind && a.Kind is not (TypeKind.Object or TypeKind.List))
        {
            return a;
        }

        return a.Kind == b.Kind && a.Key == b.Key ? a : null;
    }
}
