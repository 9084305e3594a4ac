using System.Linq.Expressions;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Binding;

internal sealed partial class Binder
{
    /// <summary>Every method name of the language, used to check calls whose target type is not known before evaluation.</summary>
    private static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal)
    {
        "Contains", "StartsWith", "EndsWith", "ToUpper", "ToLower", "Trim", "Substring", "Replace", "IndexOf", "CompareTo",
        "Equals", "ToString", "Any", "All", "Count", "Sum", "Min", "Max", "Average", "Where", "Select", "OrderBy",
        "OrderByDescending", "Take", "Skip", "First", "FirstOrDefault", "AddYears", "AddMonths", "AddDays",
    };

    /// <summary>Method and member names of the language in their canonical spelling, looked up in any case.</summary>
    private static readonly Dictionary<string, string> CanonicalNames = KnownMethods
        .Concat(["Year", "Month", "Day", "Length", "TotalDays", "Days", "Round", "Abs", "Floor", "Ceiling", "Parse", "Compare", "IsNullOrEmpty", "IsNullOrWhiteSpace"])
        .ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);

    private static string CanonicalMethodName(string name) => CanonicalNames.TryGetValue(name, out var canonical) ? canonical : name;

    private Bound BindCall(SyntaxNode.Call c)
    {
        if (_env.Plain && c.Target is not null)
        {
            // RulesEngine resolves method names in any case by default (input1.name.contains("x")).
            var canonical = CanonicalMethodName(c.MethodName);
            c = canonical == c.MethodName ? c : c with { MethodName = canonical };
        }

        if (ForbiddenMembers.Contains(c.MethodName))
        {
            if (c.Target is not null)
            {
                Bind(c.Target);
            }

            return Report(M.MemberNotAllowed, M.Format(M.MemberNotAllowedText, c.MethodName, M.ReflectionReason), c.NameStart, c.MethodName.Length);
        }

        if (c.Target is null)
        {
            return BindFunction(c);
        }

        if (IsStaticName(c.Target, out var staticName))
        {
            return BindStatic(c, staticName);
        }

        var target = Bind(c.Target);
        return target.Type.Kind switch
        {
            TypeKind.Unknown => BindUnknownCall(c),
            TypeKind.String => BindStringMethod(c, target),
            TypeKind.List => BindCollectionMethod(c, target),
            TypeKind.Date => BindDateMethod(c, target),
            _ when c.MethodName == "ToString" && c.Arguments.Count == 0 && target.Type.Kind != TypeKind.Object =>
                new Bound(RType.String, target.Expr is null ? null : Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.Text)), Expression.Convert(target.Expr, typeof(object)))),
            _ => UnknownMethod(c, target.Type.Kind == TypeKind.Object ? Describe(c.Target) : target.Type.ToString()),
        };
    }

    private Bound UnknownMethod(SyntaxNode.Call c, string on)
    {
        BindArguments(c);
        return Report(M.UnknownMethod, M.Format(M.UnknownMethodText, c.MethodName, on), c.NameStart, c.MethodName.Length);
    }

    private void BindArguments(SyntaxNode.Call c)
    {
        foreach (var a in c.Arguments)
        {
            BindLambdaBody(a, RType.Unknown, out _);
        }
    }

    private Bound BindUnknownCall(SyntaxNode.Call c)
    {
        BindArguments(c);
        return KnownMethods.Contains(c.MethodName)
            ? Bound.Error
            : Report(M.UnknownMethod, M.Format(M.UnknownMethodText, c.MethodName, "this value"), c.NameStart, c.MethodName.Length);
    }

    private bool CheckArity(SyntaxNode.Call c, int min, int max)
    {
        if (c.Arguments.Count >= min && c.Arguments.Count <= max)
        {
            return true;
        }

        BindArguments(c);
        var expected = min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}";
        _diagnostics.Add(M.WrongArgumentCount, M.Format(M.WrongArgumentCountText, c.MethodName, expected, c.Arguments.Count), c.NameStart, c.MethodName.Length);
        return false;
    }

    private Bound Arg(SyntaxNode.Call c, int i, RType expected)
    {
        var b = Bind(c.Arguments[i]);
        if (b.Type.Kind is TypeKind.Unknown or TypeKind.Null)
        {
            return new Bound(expected, b.Expr is null ? null : Convert(b, expected));
        }

        if (b.Type.Kind == expected.Kind || (expected.Kind == TypeKind.Decimal && b.Type.Kind == TypeKind.Int))
        {
            return new Bound(expected, Convert(b, expected));
        }

        Report(M.TypeMismatch, M.Format(M.TypeMismatchText, $"{expected} argument for '{c.MethodName}'", b.Type), c.Arguments[i]);
        return new Bound(expected, null);
    }

    private Bound BindFunction(SyntaxNode.Call c)
    {
        switch (c.MethodName)
        {
            case "np" when CheckArity(c, 1, 2):
                // np(x, default) is Dynamic LINQ's null-propagation with a default: access is already null-safe, so it is x ?? default.
                return c.Arguments.Count == 1
                    ? Bind(c.Arguments[0])
                    : Bind(new SyntaxNode.Binary(c.Start, c.Length, BinaryOperator.Coalesce, c.Arguments[0], c.Arguments[1], c.NameStart));
            case "date" when CheckArity(c, 1, 1):
                if (c.Arguments[0] is SyntaxNode.Literal { Value: string s })
                {
                    return DateLiteral(c.Arguments[0], s);
                }

                return Call(RType.Date, typeof(Functions), nameof(Functions.ParseDate), Arg(c, 0, RType.String));
            case "DateTime" when CheckArity(c, 3, 3):
                return Call(RType.Date, typeof(Functions), nameof(Functions.MakeDate), Arg(c, 0, RType.Int), Arg(c, 1, RType.Int), Arg(c, 2, RType.Int));
            case "iif":
                CheckArity(c, 3, 3);
                return Bound.Error;
            case "np" or "date" or "DateTime":
                return Bound.Error;
        }

        BindArguments(c);
        if (ForbiddenNames.Contains(c.MethodName))
        {
            return Report(M.ForbiddenName, M.Format(M.ForbiddenNameText, c.MethodName), c.NameStart, c.MethodName.Length);
        }

        return Report(M.UnknownMethod, M.Format(M.UnknownMethodText, c.MethodName, "the rule language"), c.NameStart, c.MethodName.Length);
    }

    private Bound BindStatic(SyntaxNode.Call c, string type)
    {
        switch (type, c.MethodName)
        {
            case ("Math", "Round") when CheckArity(c, 1, 2):
            {
                var v = Bind(c.Arguments[0]);
                if (v.Type.Kind == TypeKind.Int && c.Arguments.Count == 1)
                {
                    return v;
                }

                var digits = c.Arguments.Count == 2 ? Arg(c, 1, RType.Int) : new Bound(RType.Int, Expression.Constant(0L, typeof(long?)));
                return Call(RType.Decimal, typeof(Functions), nameof(Functions.Round), Numeric(c, 0, v, RType.Decimal), digits);
            }

            case ("Math", "Floor" or "Ceiling") when CheckArity(c, 1, 1):
                return Call(RType.Decimal, typeof(Functions), c.MethodName, Numeric(c, 0, Bind(c.Arguments[0]), RType.Decimal));
            case ("Math", "Abs") when CheckArity(c, 1, 1):
            {
                var v = Bind(c.Arguments[0]);
                return v.Type.Kind == TypeKind.Int
                    ? Call(RType.Int, typeof(Functions), nameof(Functions.AbsInt), v)
                    : Call(RType.Decimal, typeof(Functions), nameof(Functions.AbsDecimal), Numeric(c, 0, v, RType.Decimal));
            }

            case ("Math", "Min" or "Max") when CheckArity(c, 2, 2):
            {
                var a = Bind(c.Arguments[0]);
                var b = Bind(c.Arguments[1]);
                if (a.Type.Kind == TypeKind.Int && b.Type.Kind == TypeKind.Int)
                {
                    return Call(RType.Int, typeof(Functions), c.MethodName + "Int", a, b);
                }

                return Call(RType.Decimal, typeof(Functions), c.MethodName + "Decimal", Numeric(c, 0, a, RType.Decimal), Numeric(c, 1, b, RType.Decimal));
            }

            case ("DateTime", "Parse") when CheckArity(c, 1, 1):
                return Call(RType.Date, typeof(Functions), nameof(Functions.ParseDate), Arg(c, 0, RType.String));
            case ("string" or "String", "IsNullOrEmpty" or "IsNullOrWhiteSpace") when CheckArity(c, 1, 1):
                return Call(RType.Bool, typeof(Functions), c.MethodName, Arg(c, 0, RType.String));
            case ("string" or "String", "Equals") when CheckArity(c, 2, 3):
                return Call(RType.Bool, typeof(Functions), nameof(Functions.StringEquals), Arg(c, 0, RType.String), Arg(c, 1, RType.String), Comparison(c, 2));
            case ("string" or "String", "Compare") when CheckArity(c, 2, 3):
                return Call(RType.Int, typeof(Functions), nameof(Functions.StringCompare), Arg(c, 0, RType.String), Arg(c, 1, RType.String), Comparison(c, 2));
            case ("int" or "Int32" or "long" or "Int64", "Parse") when CheckArity(c, 1, 1):
                return Call(RType.Int, typeof(Functions), nameof(Functions.ParseInt), Arg(c, 0, RType.String));
            case ("decimal" or "Decimal" or "double" or "Double", "Parse") when CheckArity(c, 1, 1):
                return Call(RType.Decimal, typeof(Functions), nameof(Functions.ParseDecimal), Arg(c, 0, RType.String));
            case ("DateTime", "Now" or "Today" or "UtcNow"):
                return Report(M.MemberNotAllowed, M.Format(M.MemberNotAllowedText, "DateTime." + c.MethodName, M.ClockReason), c);
        }

        if (c.Arguments.Count >= 0 && _diagnostics.Items.Any(d => d.Code == M.WrongArgumentCount && d.Start == c.NameStart))
        {
            return Bound.Error;
        }

        return UnknownMethod(c, type);
    }

    private Bound Numeric(SyntaxNode.Call c, int i, Bound b, RType target)
    {
        if (b.Type.Kind is TypeKind.Unknown or TypeKind.Null or TypeKind.Int or TypeKind.Decimal)
        {
            return new Bound(target, b.Expr is null ? null : Convert(b, target));
        }

        Report(M.TypeMismatch, M.Format(M.TypeMismatchText, $"a number for '{c.MethodName}'", b.Type), c.Arguments[i]);
        return new Bound(target, null);
    }

    /// <summary>The optional StringComparison argument: only Ordinal / OrdinalIgnoreCase (and the culture ones, read as ordinal) are accepted.</summary>
    private Bound Comparison(SyntaxNode.Call c, int i)
    {
        if (c.Arguments.Count <= i)
        {
            return new Bound(RType.Bool, Expression.Constant(false));
        }

        if (c.Arguments[i] is SyntaxNode.Member { Target: SyntaxNode.Name { Identifier: "StringComparison" } } m)
        {
            switch (m.MemberName)
            {
                case "Ordinal" or "CurrentCulture" or "InvariantCulture":
                    return new Bound(RType.Bool, Expression.Constant(false));
                case "OrdinalIgnoreCase" or "CurrentCultureIgnoreCase" or "InvariantCultureIgnoreCase":
                    return new Bound(RType.Bool, Expression.Constant(true));
            }
        }

        Report(M.InvalidArgument, M.Format(M.InvalidArgumentText, c.MethodName, "StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase expected"), c.Arguments[i]);
        return new Bound(RType.Bool, null);
    }

    private Bound BindStringMethod(SyntaxNode.Call c, Bound s)
    {
        switch (c.MethodName)
        {
            case "Contains" or "StartsWith" or "EndsWith" when CheckArity(c, 1, 1):
                return Call(RType.Bool, typeof(Functions), c.MethodName, s, Arg(c, 0, RType.String));
            case "ToUpper" or "ToLower" or "Trim" or "ToUpperInvariant" or "ToLowerInvariant" when CheckArity(c, 0, 0):
                return Call(RType.String, typeof(Functions), c.MethodName.Replace("Invariant", string.Empty, StringComparison.Ordinal), s);
            case "Substring" when CheckArity(c, 1, 2):
                return Call(RType.String, typeof(Functions), nameof(Functions.Substring), s, Arg(c, 0, RType.Int),
                    c.Arguments.Count == 2 ? Arg(c, 1, RType.Int) : new Bound(RType.Int, Expression.Constant(null, typeof(long?))));
            case "Replace" when CheckArity(c, 2, 2):
                return Call(RType.String, typeof(Budget), nameof(Budget.Replace), new Bound(RType.Unknown, Context), s, Arg(c, 0, RType.String), Arg(c, 1, RType.String),
                    new Bound(RType.String, Expression.Constant(Where(c))));
            case "IndexOf" when CheckArity(c, 1, 1):
                return Call(RType.Int, typeof(Functions), nameof(Functions.IndexOf), s, Arg(c, 0, RType.String));
            case "CompareTo" when CheckArity(c, 1, 1):
                return Call(RType.Int, typeof(Functions), nameof(Functions.CompareTo), s, Arg(c, 0, RType.String));
            case "Equals" when CheckArity(c, 1, 2):
                return Call(RType.Bool, typeof(Functions), nameof(Functions.StringEquals), s, Arg(c, 0, RType.String), Comparison(c, 1));
            case "ToString" when CheckArity(c, 0, 0):
                return s;
            case "Length" when CheckArity(c, 0, 0):
                return Call(RType.Int, typeof(Functions), nameof(Functions.Length), s);
        }

        return _diagnostics.Items.Any(d => d.Code == M.WrongArgumentCount && d.Start == c.NameStart) ? Bound.Error : UnknownMethod(c, "string");
    }

    private Bound BindDateMethod(SyntaxNode.Call c, Bound d)
    {
        switch (c.MethodName)
        {
            case "AddYears" or "AddMonths" when CheckArity(c, 1, 1):
                return Call(RType.Date, typeof(Functions), c.MethodName, d, Arg(c, 0, RType.Int));
            case "AddDays" when CheckArity(c, 1, 1):
                return Call(RType.Date, typeof(Functions), c.MethodName, d, Arg(c, 0, RType.Decimal));
            case "ToString" when CheckArity(c, 0, 0):
                return new Bound(RType.String, d.Expr is null ? null : Expression.Call(Methods.Get(typeof(ValueOps), nameof(ValueOps.Text)), Expression.Convert(d.Expr, typeof(object))));
        }

        return _diagnostics.Items.Any(x => x.Code == M.WrongArgumentCount && x.Start == c.NameStart) ? Bound.Error : UnknownMethod(c, "date");
    }
}
