using System.Linq.Expressions;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Binding;

internal sealed partial class Binder
{
    /// <summary>Calls a static helper; the argument types select the overload.</summary>
    private static Bound Call(RType result, Type host, string method, params Bound[] args)
    {
        if (args.Any(a => a.Expr is null))
        {
            return new Bound(result, null);
        }

        var types = args.Select(a => a.Expr!.Type).ToArray();
        var info = host.GetMethod(method, types)
            ?? throw new InvalidOperationException($"no helper {host.Name}.{method}({string.Join(", ", types.Select(t => t.Name))})");
        return new Bound(result, Expression.Call(info, args.Select(a => a.Expr!)));
    }

    private Bound BindUnary(SyntaxNode.Unary u)
    {
        var operand = Bind(u.Operand);
        var t = operand.Type;
        if (t.Kind == TypeKind.Unknown)
        {
            return u.Operator == UnaryOperator.Not ? new Bound(RType.Bool, null) : Bound.Error;
        }

        switch (u.Operator)
        {
            case UnaryOperator.Not when t.Kind is TypeKind.Bool or TypeKind.Null:
            {
                if (operand.Expr is null)
                {
                    return new Bound(RType.Bool, null);
                }

                // Not of an absent value is false: "not eligible" must never follow from a missing fact.
                var not = Expression.Call(Methods.Get(typeof(Compare), nameof(Compare.Not)), Traced(u.Operand, Convert(operand, RType.Bool)!));
                return new Bound(RType.Bool, Expression.Convert(not, typeof(bool?)));
            }

            case UnaryOperator.Negate when t.IsNumeric:
                return new Bound(t, operand.Expr is null ? null : Expression.NegateChecked(operand.Expr));
            case UnaryOperator.Plus when t.IsNumeric:
                return operand;
            default:
                var text = u.Operator switch { UnaryOperator.Not => "!", UnaryOperator.Negate => "-", _ => "+" };
                return Report(M.OperatorNotDefined, M.Format(M.UnaryOperatorNotDefinedText, text, t), u);
        }
    }

    private Bound BindBinary(SyntaxNode.Binary b)
    {
        var left = Bind(b.Left);
        var right = Bind(b.Right);
        if (b.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            return BindLogical(b, left, right);
        }

        if (SyntaxFacts.IsComparison(b.Operator))
        {
            return BindComparison(b, left, right);
        }

        if (left.Type.Kind == TypeKind.Unknown || right.Type.Kind == TypeKind.Unknown)
        {
            return Bound.Error;
        }

        if (b.Operator == BinaryOperator.Coalesce)
        {
            var u = Unify(left.Type, right.Type);
            if (u is null)
            {
                return NotDefined(b, left, right);
            }

            if (left.Expr is null || right.Expr is null)
            {
                return new Bound(u, null);
            }

            if (u.Kind == TypeKind.Null)
            {
                return new Bound(u, Expression.Constant(null, typeof(object)));
            }

            return new Bound(u, Expression.Coalesce(Convert(left, u)!, Convert(right, u)!));
        }

        return BindArithmetic(b, left, right);
    }

    private Bound NotDefined(SyntaxNode.Binary b, Bound left, Bound right)
        => Report(M.OperatorNotDefined, M.Format(M.OperatorNotDefinedText, SyntaxFacts.Text(b.Operator), left.Type, right.Type), b.OperatorStart, SyntaxFacts.Text(b.Operator).Length);

    private Bound BindLogical(SyntaxNode.Binary b, Bound left, Bound right)
    {
        foreach (var (side, node) in new[] { (left, b.Left), (right, b.Right) })
        {
            if (side.Type.Kind is not (TypeKind.Bool or TypeKind.Null or TypeKind.Unknown))
            {
                return Report(M.OperatorNotDefined, M.Format(M.OperatorNotDefinedText, SyntaxFacts.Text(b.Operator), left.Type, right.Type), b.OperatorStart, b.Operator == BinaryOperator.And ? 2 : 2);
            }
        }

        if (left.Expr is null || right.Expr is null)
        {
            return new Bound(RType.Bool, null);
        }

        var l = ToBool(Traced(b.Left, Convert(left, RType.Bool)!));
        var r = ToBool(Traced(b.Right, Convert(right, RType.Bool)!));
        var e = b.Operator == BinaryOperator.And ? Expression.AndAlso(l, r) : Expression.OrElse(l, r);
        return new Bound(RType.Bool, Expression.Convert(e, typeof(bool?)));
    }

    private Bound BindArithmetic(SyntaxNode.Binary b, Bound left, Bound right)
    {
        var op = b.Operator;
        if (op == BinaryOperator.Add && (left.Type.Kind == TypeKind.String || right.Type.Kind == TypeKind.String))
        {
            if (left.Expr is null || right.Expr is null)
            {
                return new Bound(RType.String, null);
            }

            return new Bound(RType.String, Expression.Call(Methods.Get(typeof(Budget), nameof(Budget.Concat)), Context,
                Expression.Convert(left.Expr, typeof(object)), Expression.Convert(right.Expr, typeof(object)), Expression.Constant(Where(b))));
        }

        if (op == BinaryOperator.Subtract && left.Type.Kind == TypeKind.Date && right.Type.Kind == TypeKind.Date)
        {
            return Call(RType.Span, typeof(Functions), nameof(Functions.Subtract), left, right);
        }

        var lt = left.Type.Kind == TypeKind.Null ? right.Type : left.Type;
        var rt = right.Type.Kind == TypeKind.Null ? left.Type : right.Type;
        if (!lt.IsNumeric || !rt.IsNumeric)
        {
            return NotDefined(b, left, right);
        }

        var u = Unify(lt, rt)!;
        if (left.Expr is null || right.Expr is null)
        {
            return new Bound(u, null);
        }

        var l = Convert(left, u)!;
        var r = Convert(right, u)!;
        var isInt = u.Kind == TypeKind.Int;
        // Integer arithmetic is checked: an overflow is a runtime error, never a silently wrapped amount.
        Expression e = op switch
        {
            BinaryOperator.Add => isInt ? Expression.AddChecked(l, r) : Expression.Add(l, r),
            BinaryOperator.Subtract => isInt ? Expression.SubtractChecked(l, r) : Expression.Subtract(l, r),
            BinaryOperator.Multiply => isInt ? Expression.MultiplyChecked(l, r) : Expression.Multiply(l, r),
            BinaryOperator.Divide => Expression.Divide(l, r),
            _ => Expression.Modulo(l, r),
        };
        return new Bound(u, e);
    }

    private Bound BindComparison(SyntaxNode.Binary b, Bound left, Bound right)
    {
        var op = b.Operator;
        if (left.Type.Kind == TypeKind.Unknown || right.Type.Kind == TypeKind.Unknown)
        {
            return new Bound(RType.Bool, null);
        }

        var isEquality = op is BinaryOperator.Equal or BinaryOperator.NotEqual;
        var leftIsNullLiteral = b.Left is SyntaxNode.Literal { Value: null };
        var rightIsNullLiteral = b.Right is SyntaxNode.Literal { Value: null };
        if ((left.Type.Kind == TypeKind.Null && !leftIsNullLiteral) || (right.Type.Kind == TypeKind.Null && !rightIsNullLiteral))
        {
            // A value seen only as null (no schema): it is missing, so any comparison with it is false, except with the literal null.
            if (left.Expr is null || right.Expr is null)
            {
                return new Bound(RType.Bool, null);
            }

            if (leftIsNullLiteral || rightIsNullLiteral)
            {
                return new Bound(RType.Bool, Record(b, Expression.Constant(null), Expression.Constant(null), Expression.Constant(op == BinaryOperator.Equal)));
            }

            return new Bound(RType.Bool, Record(b, Expression.Convert(left.Expr, typeof(object)), Expression.Convert(right.Expr, typeof(object)), Expression.Constant(false)));
        }

        if (left.Type.Kind == TypeKind.Null || right.Type.Kind == TypeKind.Null)
        {
            if (!isEquality)
            {
                return NotDefined(b, left, right);
            }

            var other = left.Type.Kind == TypeKind.Null ? right : left;
            if (left.Expr is null || right.Expr is null)
            {
                return new Bound(RType.Bool, null);
            }

            // Comparing with null is the explicit presence test: x == null is true when x is missing or null.
            Expression isNull = other.Type.Kind == TypeKind.Null
                ? Expression.Constant(true)
                : Expression.Equal(other.Expr!, Expression.Constant(null, other.Expr!.Type));
            var test = op == BinaryOperator.Equal ? isNull : Expression.Not(isNull);
            return new Bound(RType.Bool, Record(b, other.Expr!, Expression.Constant(null), test));
        }

        var lt = left.Type;
        var rt = right.Type;
        // A date compared with a date-shaped string literal compares dates: company.foundedOn < "2020-01-01".
        if (lt.Kind == TypeKind.Date && rt.Kind == TypeKind.String && b.Right is SyntaxNode.Literal { Value: string rs })
        {
            right = DateLiteral(b.Right, rs);
            rt = right.Type;
        }
        else if (rt.Kind == TypeKind.Date && lt.Kind == TypeKind.String && b.Left is SyntaxNode.Literal { Value: string ls })
        {
            left = DateLiteral(b.Left, ls);
            lt = left.Type;
        }

        var u = Unify(lt, rt);
        if (u is null || u.Kind is TypeKind.Object or TypeKind.List || (!isEquality && u.Kind == TypeKind.Bool))
        {
            return NotDefined(b, left, right);
        }

        if (left.Expr is null || right.Expr is null)
        {
            return new Bound(RType.Bool, null);
        }

        var opCode = Expression.Constant((int)ToExpressionType(op) switch
        {
            (int)ExpressionType.Equal => 0,
            (int)ExpressionType.NotEqual => 1,
            (int)ExpressionType.LessThan => 2,
            (int)ExpressionType.LessThanOrEqual => 3,
            (int)ExpressionType.GreaterThan => 4,
            _ => 5,
        });
        var traced = _trace && _lambdas.Count == 0;
        var method = u.Kind == TypeKind.String
            ? Methods.Get(typeof(Compare), traced ? nameof(Compare.StringsTraced) : nameof(Compare.Strings))
            : Methods.MakeGeneric(Methods.Get(typeof(Compare), traced ? nameof(Compare.ValuesTraced) : nameof(Compare.Values)), Nullable.GetUnderlyingType(Clr(u))!);
        Expression call = traced
            ? Expression.Call(method, Context, Expression.Constant(TraceId(b)), Convert(left, u)!, Convert(right, u)!, opCode)
            : Expression.Call(method, Convert(left, u)!, Convert(right, u)!, opCode);
        return new Bound(RType.Bool, Expression.Convert(call, typeof(bool?)));
    }

    private Bound DateLiteral(SyntaxNode node, string text)
    {
        if (DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var d))
        {
            return new Bound(RType.Date, Expression.Constant(d, typeof(DateTime?)));
        }

        return Report(M.InvalidArgument, M.Format(M.InvalidDateText, text), node);
    }

    /// <summary>Result of a comparison as bool?, recording operands and outcome when explaining (outside lambdas).</summary>
    private Expression Record(SyntaxNode node, Expression left, Expression right, Expression result)
    {
        if (_lambdas.Count > 0 || !_trace)
        {
            return Expression.Convert(result, typeof(bool?));
        }

        var id = TraceId(node);
        var res = Expression.Variable(typeof(bool), "res");
        var record = Expression.IfThen(
            Expression.NotEqual(ContextField(nameof(EvalContext.Trace)), Expression.Constant(null, typeof(TraceEntry[]))),
            Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.RecordObjects)), Context, Expression.Constant(id),
                Expression.Convert(left, typeof(object)), Expression.Convert(right, typeof(object)), Expression.Convert(res, typeof(bool?))));
        return Expression.Block([res], Expression.Assign(res, result), record, Expression.Convert(res, typeof(bool?)));
    }

    private static ExpressionType ToExpressionType(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => ExpressionType.Equal,
        BinaryOperator.NotEqual => ExpressionType.NotEqual,
        BinaryOperator.Less => ExpressionType.LessThan,
        BinaryOperator.LessOrEqual => ExpressionType.LessThanOrEqual,
        BinaryOperator.Greater => ExpressionType.GreaterThan,
        _ => ExpressionType.GreaterThanOrEqual,
    };

    private Bound BindConditional(SyntaxNode.Conditional c)
    {
        var cond = Bind(c.Condition);
        var a = Bind(c.WhenTrue);
        var b = Bind(c.WhenFalse);
        if (cond.Type.Kind is not (TypeKind.Bool or TypeKind.Null or TypeKind.Unknown))
        {
            return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, "a boolean condition", cond.Type), c.Condition);
        }

        var u = Unify(a.Type, b.Type);
        if (u is null)
        {
            return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, a.Type.ToString(), b.Type), c.WhenFalse);
        }

        if (cond.Expr is null || a.Expr is null || b.Expr is null || u.Kind is TypeKind.Unknown)
        {
            return new Bound(u, null);
        }

        if (u.Kind == TypeKind.Null)
        {
            return new Bound(u, Expression.Constant(null, typeof(object)));
        }

        return new Bound(u, Expression.Condition(ToBool(Convert(cond, RType.Bool)!), Convert(a, u)!, Convert(b, u)!, Clr(u)));
    }

    private Bound BindIn(SyntaxNode.In node)
    {
        var value = Bind(node.Value);
        var items = node.Items.Select(Bind).ToList();
        var u = value.Type;
        foreach (var i in items)
        {
            u = Unify(u, i.Type);
            if (u is null || u.Kind is TypeKind.Object or TypeKind.List)
            {
                return Report(M.OperatorNotDefined, M.Format(M.OperatorNotDefinedText, "in", value.Type, i.Type), node);
            }
        }

        if (value.Expr is null || items.Any(i => i.Expr is null) || u.Kind is TypeKind.Unknown or TypeKind.Null)
        {
            return new Bound(RType.Bool, null);
        }

        var v = Expression.Variable(Clr(u), "v");
        Expression any = Expression.Constant(false);
        foreach (var i in items)
        {
            Expression eq = u.Kind == TypeKind.String
                ? Expression.Call(typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!, v, Convert(i, u)!, Expression.Constant(StringComparison.Ordinal))
                : Expression.Equal(v, Convert(i, u)!);
            any = Expression.OrElse(any, eq);
        }

        var present = Expression.NotEqual(v, Expression.Constant(null, Clr(u)));
        return new Bound(RType.Bool, Expression.Block([v], Expression.Assign(v, Convert(value, u)!), Expression.Convert(Expression.AndAlso(present, any), typeof(bool?))));
    }
}
