using System.Linq.Expressions;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Binds a lambda argument (<c>a => a.x</c>) or an implicit one (<c>x > 3</c>, where names are members of <c>it</c>)
    /// over items of type <paramref name="element"/>. The item is a <see cref="Value"/> variable set by the enclosing loop.
    /// </summary>
    private Bound BindLambdaBody(SyntaxNode arg, RType element, out ParameterExpression item)
    {
        item = Expression.Variable(typeof(Value), "it");
        var (name, body) = arg is SyntaxNode.Lambda l ? (l.Parameter, l.Body) : ((string?)null, arg);
        _lambdas.Add(new LambdaScope(name, item, element));
        try
        {
            return Bind(body);
        }
        finally
        {
            _lambdas.RemoveAt(_lambdas.Count - 1);
        }
    }

    private Expression? Predicate(SyntaxNode.Call c, int i, RType element, out ParameterExpression item)
    {
        var body = BindLambdaBody(c.Arguments[i], element, out item);
        if (body.Type.Kind is not (TypeKind.Bool or TypeKind.Unknown or TypeKind.Null))
        {
            Report(M.TypeMismatch, M.Format(M.TypeMismatchText, $"a condition (true/false) for '{c.MethodName}'", body.Type), c.Arguments[i]);
            return null;
        }

        return body.Expr is null ? null : Convert(body, RType.Bool);
    }

    private static Expression Block(IEnumerable<ParameterExpression> variables, params Expression[] expressions) => Expression.Block(variables, expressions);

    /// <summary>A loop over the list whose every item is charged to the evaluation's budget, at the position of <paramref name="at"/>.</summary>
    private Expression ForEach(SyntaxNode.Call at, ParameterExpression list, ParameterExpression item, Func<ParameterExpression, LabelTarget, Expression> body)
        => LoopBuilder.ForEach(list, item, body, Expression.Call(Methods.Get(typeof(Budget), nameof(Budget.Step)), Context, Expression.Constant(Where(at))));

    /// <summary>Charges a whole list before library code loops over it.</summary>
    private Expression ChargeAll(SyntaxNode.Call at, Expression list)
        => Expression.Call(Methods.Get(typeof(Budget), nameof(Budget.Steps)), Context, list, Expression.Constant(Where(at)));

    private Bound BindCollectionMethod(SyntaxNode.Call c, Bound list)
    {
        var elem = list.Type.Element!;
        var name = c.MethodName;
        switch (name)
        {
            case "Any" or "All" or "Count" or "Where" or "First" or "FirstOrDefault" when CheckArity(c, name is "All" or "Where" ? 1 : 0, 1):
                return BindFilter(c, list, elem);
            case "Take" or "Skip" when CheckArity(c, 1, 1):
                return Call(list.Type, typeof(Collections), name, list, Arg(c, 0, RType.Int));
            case "Select" when CheckArity(c, 1, 1):
            {
                var body = BindLambdaBody(c.Arguments[0], elem, out var item);
                if (list.Expr is null || body.Expr is null || body.Type.Kind is TypeKind.Unknown)
                {
                    return new Bound(RType.ListOf(body.Type), null);
                }

                var result = Expression.Variable(typeof(Value[]), "result");
                var code = LoopBuilder.WithList(list.Expr, typeof(Value[]), l => Block(
                    [result, item],
                    Expression.Assign(result, Expression.NewArrayBounds(typeof(Value), Expression.ArrayLength(l))),
                    ForEach(c, l, item, (i, _) => Expression.Assign(Expression.ArrayAccess(result, i), ToValue(body))),
                    result));
                return new Bound(RType.ListOf(body.Type), code);
            }

            case "Sum" or "Min" or "Max" or "Average" when CheckArity(c, 0, 1):
                return BindAggregate(c, list, elem);
            case "OrderBy" or "OrderByDescending" when CheckArity(c, 1, 1):
                return BindOrderBy(c, list, elem);
            case "Contains" when CheckArity(c, 1, 1):
            {
                var item = Bind(c.Arguments[0]);
                var u = Unify(elem, item.Type);
                if (u is null || u.Kind is TypeKind.Object or TypeKind.List)
                {
                    return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, elem + " for 'Contains'", item.Type), c.Arguments[0]);
                }

                if (list.Expr is null || item.Expr is null || u.Kind is TypeKind.Unknown or TypeKind.Null || (u.Kind != elem.Kind && elem.Kind != TypeKind.Null))
                {
                    return new Bound(RType.Bool, null);
                }

                var eq = u.Kind switch
                {
                    TypeKind.Decimal => nameof(Collections.DecimalEqual),
                    TypeKind.String => nameof(Collections.StringEqual),
                    _ => nameof(Collections.BitsEqual),
                };
                var equals = Expression.Constant(typeof(Collections).GetMethod(eq)!.CreateDelegate<Func<Value, Value, bool>>());
                return new Bound(RType.Bool, Expression.Call(Methods.Get(typeof(Collections), nameof(Collections.Contains)), ChargeAll(c, list.Expr), ToValue(new Bound(u, Convert(item, u))), equals));
            }
        }

        if (_diagnostics.Items.Any(d => d.Code == M.WrongArgumentCount && d.Start == c.NameStart))
        {
            return Bound.Error;
        }

        return UnknownMethod(c, list.Type.ToString());
    }

    /// <summary>Any, All, Count, Where, First, FirstOrDefault: one loop testing an optional predicate.</summary>
    private Bound BindFilter(SyntaxNode.Call c, Bound list, RType elem)
    {
        var name = c.MethodName;
        ParameterExpression item;
        Expression? test;
        if (c.Arguments.Count == 1)
        {
            var predicate = Predicate(c, 0, elem, out item);
            test = predicate is null ? null : LoopBuilder.IsTrue(predicate);
        }
        else
        {
            item = Expression.Variable(typeof(Value), "it");
            test = Expression.Constant(true);
        }

        var resultType = name switch
        {
            "Any" or "All" => RType.Bool,
            "Count" => RType.Int,
            "Where" => list.Type,
            _ => elem,
        };
        if (list.Expr is null || test is null)
        {
            return new Bound(resultType, null);
        }

        Expression code;
        switch (name)
        {
            case "Any" or "All":
            {
                var isAny = name == "Any";
                var found = Expression.Variable(typeof(bool), "found");
                code = LoopBuilder.WithList(list.Expr, typeof(bool?), l => Block(
                    [found, item],
                    Expression.Assign(found, Expression.Constant(!isAny)),
                    ForEach(c, l, item, (_, brk) => Expression.IfThen(
                        isAny ? test : Expression.Not(test),
                        Expression.Block(Expression.Assign(found, Expression.Constant(isAny)), Expression.Break(brk)))),
                    Expression.Convert(found, typeof(bool?))));
                break;
            }

            case "Count":
            {
                var n = Expression.Variable(typeof(long), "n");
                code = LoopBuilder.WithList(list.Expr, typeof(long?), l => Block(
                    [n, item],
                    Expression.Assign(n, Expression.Constant(0L)),
                    ForEach(c, l, item, (_, _) => Expression.IfThen(test, Expression.PreIncrementAssign(n))),
                    Expression.Convert(n, typeof(long?))));
                break;
            }

            case "Where":
            {
                var kept = Expression.Variable(typeof(List<Value>), "kept");
                code = LoopBuilder.WithList(list.Expr, typeof(Value[]), l => Block(
                    [kept, item],
                    Expression.Assign(kept, Expression.New(typeof(List<Value>).GetConstructor([typeof(int)])!, Expression.ArrayLength(l))),
                    ForEach(c, l, item, (_, _) => Expression.IfThen(test, Expression.Call(kept, typeof(List<Value>).GetMethod("Add")!, item))),
                    Expression.Call(kept, typeof(List<Value>).GetMethod("ToArray")!)));
                break;
            }

            default:
            {
                var found = Expression.Variable(typeof(Value), "found");
                var seen = Expression.Variable(typeof(bool), "seen");
                var message = c.Arguments.Count == 0 ? "First: the list is empty" : "First: no item matches the condition";
                Expression whenNone = name == "First"
                    ? Expression.Throw(Expression.New(typeof(RuleRuntimeException).GetConstructor([typeof(string)])!, Expression.Constant(message)))
                    : Expression.Empty();
                var value = LoopBuilder.WithList(list.Expr, typeof(Value), l => Block(
                    [found, seen, item],
                    ForEach(c, l, item, (_, brk) => Expression.IfThen(test,
                        Expression.Block(Expression.Assign(found, item), Expression.Assign(seen, Expression.Constant(true)), Expression.Break(brk)))),
                    Expression.IfThen(Expression.Not(seen), whenNone),
                    found));
                code = ReadValue(value, elem);
                break;
            }
        }

        return new Bound(resultType, code);
    }

    private Bound BindAggregate(SyntaxNode.Call c, Bound list, RType elem)
    {
        Bound body;
        ParameterExpression item;
        if (c.Arguments.Count == 1)
        {
            body = BindLambdaBody(c.Arguments[0], elem, out item);
        }
        else
        {
            item = Expression.Variable(typeof(Value), "it");
            body = new Bound(elem, elem.Kind == TypeKind.Unknown ? null : ReadValue(item, elem));
        }

        var t = body.Type;
        if (t.Kind == TypeKind.Unknown)
        {
            return Bound.Error;
        }

        var name = c.MethodName;
        var isDateMinMax = t.Kind == TypeKind.Date && name is "Min" or "Max";
        if (!t.IsNumeric && !isDateMinMax)
        {
            return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, $"numbers for '{name}'", t), c.Arguments.Count == 1 ? c.Arguments[0] : c);
        }

        var resultType = name == "Average" ? RType.Decimal : t;
        if (list.Expr is null || body.Expr is null)
        {
            return new Bound(resultType, null);
        }

        var clr = Clr(t);
        var underlying = Nullable.GetUnderlyingType(clr)!;
        var v = Expression.Variable(clr, "v");
        Expression code;
        if (name is "Sum" or "Average")
        {
            var sumType = name == "Average" ? typeof(decimal) : underlying;
            var sum = Expression.Variable(sumType, "sum");
            var n = Expression.Variable(typeof(long), "n");
            var valueAsSum = name == "Average" && underlying != typeof(decimal)
                ? Expression.Convert(Expression.Property(v, "Value"), typeof(decimal))
                : (Expression)Expression.Property(v, "Value");
            // Integer sums are checked: an overflow is a runtime error, not a wrong amount.
            var add = sumType == typeof(long) ? Expression.AddChecked(sum, valueAsSum) : Expression.Add(sum, valueAsSum);
            var result = name == "Sum"
                ? (Expression)Expression.Convert(sum, clr)
                : Expression.Condition(Expression.Equal(n, Expression.Constant(0L)), Expression.Constant(null, typeof(decimal?)),
                    Expression.Convert(Expression.Divide(sum, Expression.Convert(n, typeof(decimal))), typeof(decimal?)));
            code = LoopBuilder.WithList(list.Expr, Clr(resultType), l => Block(
                [sum, n, v, item],
                Expression.Assign(sum, Expression.Default(sumType)),
                Expression.Assign(n, Expression.Constant(0L)),
                ForEach(c, l, item, (_, _) => Expression.Block(
                    Expression.Assign(v, body.Expr),
                    Expression.IfThen(Expression.Property(v, "HasValue"), Expression.Block(Expression.Assign(sum, add), Expression.PreIncrementAssign(n))))),
                result));
        }
        else
        {
            var best = Expression.Variable(clr, "best");
            var better = name == "Min"
                ? Expression.LessThan(Expression.Property(v, "Value"), Expression.Property(best, "Value"))
                : Expression.GreaterThan(Expression.Property(v, "Value"), Expression.Property(best, "Value"));
            code = LoopBuilder.WithList(list.Expr, clr, l => Block(
                [best, v, item],
                Expression.Assign(best, Expression.Default(clr)),
                ForEach(c, l, item, (_, _) => Expression.Block(
                    Expression.Assign(v, body.Expr),
                    Expression.IfThen(
                        Expression.AndAlso(Expression.Property(v, "HasValue"), Expression.OrElse(Expression.Not(Expression.Property(best, "HasValue")), better)),
                        Expression.Assign(best, v)))),
                best));
        }

        return new Bound(resultType, code);
    }

    private Bound BindOrderBy(SyntaxNode.Call c, Bound list, RType elem)
    {
        var body = BindLambdaBody(c.Arguments[0], elem, out var item);
        var t = body.Type;
        if (t.Kind == TypeKind.Unknown || list.Expr is null || body.Expr is null)
        {
            return new Bound(list.Type, null);
        }

        if (t.Kind is not (TypeKind.String or TypeKind.Int or TypeKind.Decimal or TypeKind.Date or TypeKind.Bool or TypeKind.Span))
        {
            return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, $"a sortable key for '{c.MethodName}'", t), c.Arguments[0]);
        }

        var keyType = Clr(t);
        var keys = Expression.Variable(keyType.MakeArrayType(), "keys");
        var sort = t.Kind == TypeKind.String
            ? Methods.Get(typeof(Collections), nameof(Collections.SortByStringKeys))
            : Methods.Get(typeof(Collections), nameof(Collections.SortByKeys)).MakeGenericMethod(Nullable.GetUnderlyingType(keyType)!);
        var descending = Expression.Constant(c.MethodName == "OrderByDescending");
        var code = LoopBuilder.WithList(list.Expr, typeof(Value[]), l => Block(
            [keys, item],
            Expression.Assign(keys, Expression.NewArrayBounds(keyType, Expression.ArrayLength(l))),
            ForEach(c, l, item, (i, _) => Expression.Assign(Expression.ArrayAccess(keys, i), body.Expr)),
            Expression.Call(sort, l, keys, descending)));
        return new Bound(list.Type, code);
    }
}
