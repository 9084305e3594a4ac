using System.Linq.Expressions;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Binds a lambda argument (<c>a => a.x</c>) or an implicit one (<c>x > 3</c>, where names are members of <c>it</c>)
    /// over items of type <paramref name="element"/>. Returns the body and the Value-typed parameter.
    /// </summary>
    private Bound BindLambdaBody(SyntaxNode arg, RType element, out ParameterExpression parameter)
    {
        parameter = Expression.Parameter(typeof(Value), "it");
        var (name, body) = arg is SyntaxNode.Lambda l ? (l.Parameter, l.Body) : ((string?)null, arg);
        _lambdas.Add(new LambdaScope(name, parameter, element));
        try
        {
            return Bind(body);
        }
        finally
        {
            _lambdas.RemoveAt(_lambdas.Count - 1);
        }
    }

    private Expression? Lambda<T>(Bound body, ParameterExpression p, RType type)
        => body.Expr is null ? null : Expression.Lambda<Func<Value, T>>(Convert(body, type)!, p);

    private Expression? Predicate(SyntaxNode.Call c, int i, RType element)
    {
        var body = BindLambdaBody(c.Arguments[i], element, out var p);
        if (body.Type.Kind is not (TypeKind.Bool or TypeKind.Unknown or TypeKind.Null))
        {
            Report(M.TypeMismatch, M.Format(M.TypeMismatchText, $"a condition (true/false) for '{c.MethodName}'", body.Type), c.Arguments[i]);
            return null;
        }

        return Lambda<bool?>(body, p, RType.Bool);
    }

    private Bound BindCollectionMethod(SyntaxNode.Call c, Bound list)
    {
        var elem = list.Type.Element!;
        var name = c.MethodName;
        var unknown = list.Expr is null;
        Expression? Make(Type host, string method, params Expression?[] args)
        {
            if (unknown || args.Any(a => a is null))
            {
                return null;
            }

            var all = new[] { list.Expr! }.Concat(args.Select(a => a!)).ToArray();
            var info = host.GetMethods().First(m => m.Name == method && m.GetParameters().Length == all.Length && !m.IsGenericMethodDefinition);
            return Expression.Call(info, all);
        }

        switch (name)
        {
            case "Any" when CheckArity(c, 0, 1):
                return new Bound(RType.Bool, c.Arguments.Count == 0 ? Make(typeof(Collections), "Any") : Make(typeof(Collections), "Any", Predicate(c, 0, elem)));
            case "All" when CheckArity(c, 1, 1):
                return new Bound(RType.Bool, Make(typeof(Collections), "All", Predicate(c, 0, elem)));
            case "Count" when CheckArity(c, 0, 1):
                return new Bound(RType.Int, c.Arguments.Count == 0 ? Make(typeof(Collections), "Count") : Make(typeof(Collections), "Count", Predicate(c, 0, elem)));
            case "Where" when CheckArity(c, 1, 1):
                return new Bound(list.Type, Make(typeof(Collections), "Where", Predicate(c, 0, elem)));
            case "First" or "FirstOrDefault" when CheckArity(c, 0, 1):
            {
                var pred = c.Arguments.Count == 0 ? Expression.Constant(null, typeof(Func<Value, bool?>)) : Predicate(c, 0, elem);
                var item = Make(typeof(Collections), name, pred);
                return new Bound(elem, item is null ? null : ReadValue(item, elem));
            }

            case "Take" or "Skip" when CheckArity(c, 1, 1):
                return new Bound(list.Type, Make(typeof(Collections), name, Arg(c, 0, RType.Int).Expr));
            case "Select" when CheckArity(c, 1, 1):
            {
                var body = BindLambdaBody(c.Arguments[0], elem, out var p);
                var sel = body.Expr is null || body.Type.Kind is TypeKind.Unknown ? null : Expression.Lambda<Func<Value, Value>>(ToValue(body), p);
                return new Bound(RType.ListOf(body.Type), Make(typeof(Collections), "Select", sel));
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

                if (unknown || item.Expr is null || u.Kind is TypeKind.Unknown or TypeKind.Null || u.Kind != elem.Kind && elem.Kind != TypeKind.Null)
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
                return new Bound(RType.Bool, Expression.Call(typeof(Collections).GetMethod(nameof(Collections.Contains))!, list.Expr!, ToValue(new Bound(u, Convert(item, u))), equals));
            }
        }

        if (_diagnostics.Items.Any(d => d.Code == M.WrongArgumentCount && d.Start == c.NameStart))
        {
            return Bound.Error;
        }

        return UnknownMethod(c, list.Type.ToString());
    }

    private Bound BindAggregate(SyntaxNode.Call c, Bound list, RType elem)
    {
        Bound body;
        ParameterExpression p;
        if (c.Arguments.Count == 1)
        {
            body = BindLambdaBody(c.Arguments[0], elem, out p);
        }
        else
        {
            p = Expression.Parameter(typeof(Value), "it");
            body = new Bound(elem, elem.Kind == TypeKind.Unknown ? null : ReadValue(p, elem));
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

        if (list.Expr is null || body.Expr is null)
        {
            return new Bound(name == "Average" ? RType.Decimal : t, null);
        }

        if (name == "Average")
        {
            return new Bound(RType.Decimal, Expression.Call(typeof(Collections).GetMethod(nameof(Collections.Average))!, list.Expr, Lambda<decimal?>(body, p, RType.Decimal)!));
        }

        if (name == "Sum")
        {
            return t.Kind == TypeKind.Int
                ? new Bound(t, Expression.Call(typeof(Collections).GetMethod(nameof(Collections.SumInt))!, list.Expr, Lambda<long?>(body, p, t)!))
                : new Bound(t, Expression.Call(typeof(Collections).GetMethod(nameof(Collections.SumDecimal))!, list.Expr, Lambda<decimal?>(body, p, t)!));
        }

        var clr = t.Kind switch { TypeKind.Int => typeof(long), TypeKind.Decimal => typeof(decimal), _ => typeof(DateTime) };
        var method = typeof(Collections).GetMethod(name)!.MakeGenericMethod(clr);
        var lambda = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(Value), Clr(t)), body.Expr, p);
        return new Bound(t, Expression.Call(method, list.Expr, lambda));
    }

    private Bound BindOrderBy(SyntaxNode.Call c, Bound list, RType elem)
    {
        var body = BindLambdaBody(c.Arguments[0], elem, out var p);
        var t = body.Type;
        var descending = Expression.Constant(c.MethodName == "OrderByDescending");
        if (t.Kind == TypeKind.Unknown || list.Expr is null || body.Expr is null)
        {
            return new Bound(list.Type, null);
        }

        if (t.Kind == TypeKind.String)
        {
            return new Bound(list.Type, Expression.Call(typeof(Collections).GetMethod(nameof(Collections.OrderByString))!, list.Expr,
                Expression.Lambda<Func<Value, string?>>(body.Expr, p), descending));
        }

        Type? clr = t.Kind switch
        {
            TypeKind.Int => typeof(long),
            TypeKind.Decimal => typeof(decimal),
            TypeKind.Date => typeof(DateTime),
            TypeKind.Bool => typeof(bool),
            TypeKind.Span => typeof(TimeSpan),
            _ => null,
        };
        if (clr is null)
        {
            return Report(M.TypeMismatch, M.Format(M.TypeMismatchText, $"a sortable key for '{c.MethodName}'", t), c.Arguments[0]);
        }

        var method = typeof(Collections).GetMethod(nameof(Collections.OrderBy))!.MakeGenericMethod(clr);
        var lambda = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(Value), Clr(t)), body.Expr, p);
        return new Bound(list.Type, Expression.Call(method, list.Expr, lambda, descending));
    }
}
