using System.Linq.Expressions;
using DigitalWallonia.Rules.Syntax;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Binding;

internal sealed partial class Binder
{
    /// <summary>Names that would reach outside the language; refused with a specific message wherever they appear.</summary>
    private static readonly HashSet<string> ForbiddenNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "System", "Activator", "Process", "Environment", "AppDomain", "File", "Directory", "Path", "Type", "Assembly",
        "typeof", "nameof", "sizeof", "default", "GC", "Thread", "Task", "Console", "Marshal", "Unsafe", "Reflection",
        "IO", "Diagnostics", "Runtime", "Microsoft", "Expression", "Delegate", "Func", "Action", "dynamic", "object",
        "Object", "Encoding", "Http", "HttpClient", "WebClient", "Socket", "Registry", "Emit", "AssemblyLoadContext",
        "stackalloc", "checked", "unchecked", "lock", "while", "for", "foreach", "goto", "return", "throw", "await",
        "Enumerable", "Queryable", "Interlocked", "Monitor", "Timer", "Random", "Guid", "var",
    };

    /// <summary>Members refused on any value: reflection, type inspection, mutation, delegates.</summary>
    private static readonly HashSet<string> ForbiddenMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "GetType", "GetMethod", "GetMethods", "GetProperty", "GetProperties", "GetField", "GetFields", "GetMember",
        "InvokeMember", "Invoke", "DynamicInvoke", "CreateInstance", "CreateDelegate", "Assembly", "Module",
        "DeclaringType", "TypeHandle", "MethodHandle", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals",
        "GetConstructor", "GetConstructors", "Load", "LoadFrom", "LoadFile", "Compile", "Clear", "Add", "Remove",
        "RemoveAt", "Insert", "Set", "SetValue", "GetValue", "Dispose", "Kill", "Start", "Exit", "FailFast",
    };

    private static readonly HashSet<string> StaticNames = new(StringComparer.Ordinal)
    {
        "Math", "DateTime", "string", "String", "int", "Int32", "long", "Int64", "decimal", "Decimal", "double", "Double",
        "StringComparison", "DateOnly",
    };

    private bool IsStaticName(SyntaxNode node, out string name)
    {
        name = (node as SyntaxNode.Name)?.Identifier ?? string.Empty;
        return node is SyntaxNode.Name && StaticNames.Contains(name) && TryResolveValue(name) is null;
    }

    private Bound BindName(SyntaxNode.Name n)
    {
        var id = n.Identifier;
        if (TryResolveValue(id) is { } bound)
        {
            return bound;
        }

        if (ForbiddenNames.Contains(id))
        {
            return Report(M.ForbiddenName, M.Format(M.ForbiddenNameText, id), n);
        }

        if (StaticNames.Contains(id) || id.Equals("params", StringComparison.Ordinal))
        {
            return Report(M.UnknownIdentifier, M.Format(M.UnknownIdentifierText, id), n);
        }

        if (_env.Inputs is null || (_lambdas.Count > 0 && _lambdas[^1].Name is null && _lambdas[^1].Element.Kind == TypeKind.Unknown))
        {
            // No schema yet: any other name may be an input; the real check happens with the input's shape.
            return Bound.Error;
        }

        var suggestion = Suggest(id, Candidates());
        return suggestion is null
            ? Report(M.UnknownIdentifier, M.Format(M.UnknownIdentifierText, id), n)
            : Report(M.UnknownIdentifier, M.Format(M.UnknownIdentifierSuggestText, id, suggestion), n);
    }

    private IEnumerable<string> Candidates()
    {
        foreach (var s in _env.Scoped)
        {
            yield return s.Name;
        }

        foreach (var m in _env.Inputs?.Members ?? [])
        {
            yield return m.Key;
        }

        foreach (var l in _lambdas)
        {
            if (l.Name is not null)
            {
                yield return l.Name;
            }

            foreach (var m in l.Element.Members ?? [])
            {
                yield return m.Key;
            }
        }

        yield return "today";
    }

    private Bound? TryResolveValue(string id)
    {
        for (var i = _lambdas.Count - 1; i >= 0; i--)
        {
            var scope = _lambdas[i];
            if (SameName(id, scope.Name) || (id.Equals("it", StringComparison.OrdinalIgnoreCase) && i == _lambdas.Count - 1))
            {
                return new Bound(scope.Element, scope.Element.Kind == TypeKind.Unknown ? null : ReadValue(scope.Parameter, scope.Element));
            }

            // Implicit 'it': inside Where(country == "x"), a bare name is first a member of the item.
            if (scope.Name is null && i == _lambdas.Count - 1 && scope.Element.Kind == TypeKind.Object)
            {
                var index = scope.Element.MemberIndex(id, _env.Plain);
                if (index >= 0)
                {
                    var memberType = scope.Element.Members![index].Value;
                    var obj = ReadValue(scope.Parameter, scope.Element);
                    _env.Usage?.Mark(scope.Element, index);
                    return new Bound(memberType, ReadSlot(obj, index, memberType));
                }
            }
        }

        for (var i = _env.Scoped.Count - 1; i >= 0; i--)
        {
            var v = _env.Scoped[i];
            if (SameName(id, v.Name))
            {
                var array = ContextField(v.Kind == ScopeKind.Global ? "Globals" : "Locals");
                return new Bound(v.Type, v.Type.Kind == TypeKind.Unknown ? null : ReadSlot(array, v.Slot, v.Type));
            }
        }

        if (_env.Inputs is { } inputs)
        {
            var index = inputs.MemberIndex(id, _env.Plain);
            if (index >= 0)
            {
                var t = inputs.Members![index].Value;
                _env.Usage?.Mark(inputs, index);
                return new Bound(t, ReadSlot(ContextField("Inputs"), index, t));
            }
        }

        if (id.Equals("today", StringComparison.Ordinal))
        {
            return new Bound(RType.Date, Expression.Convert(ContextField("Today"), typeof(DateTime?)));
        }

        return null;
    }

    private Bound BindMember(SyntaxNode.Member m)
    {
        if (ForbiddenMembers.Contains(m.MemberName))
        {
            Bind(m.Target);
            return Report(M.MemberNotAllowed, M.Format(M.MemberNotAllowedText, m.MemberName, M.ReflectionReason), m.NameStart, m.MemberName.Length);
        }

        if (m.Target is SyntaxNode.Name { Identifier: "params" } && TryResolveValue("params") is null)
        {
            return BindParameter(m);
        }

        if (IsStaticName(m.Target, out var staticName))
        {
            if (staticName == "DateTime" && m.MemberName is "Now" or "Today" or "UtcNow")
            {
                return Report(M.MemberNotAllowed, M.Format(M.MemberNotAllowedText, "DateTime." + m.MemberName, M.ClockReason), m);
            }

            return Report(M.UnknownMember, M.Format(M.UnknownMemberText, m.MemberName, staticName), m.NameStart, m.MemberName.Length);
        }

        var target = Bind(m.Target);
        var t = target.Type;
        switch (t.Kind)
        {
            case TypeKind.Unknown:
                return Bound.Error;
            case TypeKind.Null:
                return new Bound(RType.Null, target.Expr is null ? null : Expression.Constant(null, typeof(object)));
            case TypeKind.Object:
            {
                var index = t.MemberIndex(m.MemberName, _env.Plain);
                if (index < 0 && _env.Plain)
                {
                    // A plain RulesEngine file types its input from the input itself: a member this input lacks is
                    // null there (RulesEngine's dynamic classes), so it is missing here rather than an error.
                    return new Bound(RType.Null, target.Expr is null ? null : Expression.Constant(null, typeof(object)));
                }

                if (index < 0)
                {
                    var suggestion = Suggest(m.MemberName, t.Members!.Select(x => x.Key));
                    return suggestion is null
                        ? Report(M.UnknownMember, M.Format(M.UnknownMemberText, m.MemberName, Describe(m.Target)), m.NameStart, m.MemberName.Length)
                        : Report(M.UnknownMember, M.Format(M.UnknownMemberSuggestText, m.MemberName, Describe(m.Target), suggestion), m.NameStart, m.MemberName.Length);
                }

                var memberType = t.Members![index].Value;
                _env.Usage?.Mark(t, index);
                return new Bound(memberType, target.Expr is null ? null : ReadSlot(target.Expr, index, memberType));
            }

            case TypeKind.String when SameName(m.MemberName, "Length"):
                return Call(RType.Int, typeof(Compilation.Functions), nameof(Compilation.Functions.Length), target);
            case TypeKind.List when SameName(m.MemberName, "Count") || SameName(m.MemberName, "Length"):
                return Call(RType.Int, typeof(Compilation.Collections), nameof(Compilation.Collections.Count), target);
            case TypeKind.Date when SameName(m.MemberName, "Year") || SameName(m.MemberName, "Month") || SameName(m.MemberName, "Day"):
                return Call(RType.Int, typeof(Compilation.Functions), CanonicalMethodName(m.MemberName), target);
            case TypeKind.Span when SameName(m.MemberName, "TotalDays"):
                return Call(RType.Decimal, typeof(Compilation.Functions), nameof(Compilation.Functions.TotalDays), target);
            case TypeKind.Span when SameName(m.MemberName, "Days"):
                return Call(RType.Int, typeof(Compilation.Functions), nameof(Compilation.Functions.Days), target);
            default:
                return Report(M.UnknownMember, M.Format(M.UnknownMemberText, m.MemberName, t), m.NameStart, m.MemberName.Length);
        }
    }

    /// <summary>Name equality: exact in a typed file, in any case in a plain RulesEngine file (<see cref="BindEnvironment.Plain"/>).</summary>
    private bool SameName(string written, string? declared)
        => declared is not null && string.Equals(written, declared, _env.Plain ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Describe(SyntaxNode node) => node switch
    {
        SyntaxNode.Name n => "'" + n.Identifier + "'",
        SyntaxNode.Member m => "'" + m.MemberName + "'",
        _ => "object",
    };

    private Bound BindParameter(SyntaxNode.Member m)
    {
        if (_env.Parameters.TryGetValue(m.MemberName, out var p))
        {
            return new Bound(p.Type, ReadSlot(ContextField("Params"), p.Slot, p.Type));
        }

        var declared = _env.Parameters.Count == 0 ? "none" : string.Join(", ", _env.Parameters.Keys.Order(StringComparer.Ordinal));
        return Report(M.UnknownParameter, M.Format(M.UnknownParameterText, m.MemberName, declared), m.NameStart, m.MemberName.Length);
    }

    /// <summary>A close spelling among <paramref name="candidates"/> (same letters ignoring case, or at most two edits).</summary>
    private static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates.Distinct())
        {
            var d = string.Equals(c, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(c.ToLowerInvariant(), name.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return bestDistance <= Math.Max(1, Math.Min(2, name.Length / 3)) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
