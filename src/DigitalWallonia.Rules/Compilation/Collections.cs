namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Collection functions over projected lists. Every loop is bounded by the list's length, so expressions terminate.
/// An absent list gives an absent result (Any/All/Count of nothing are absent, not false/0).
/// </summary>
internal static class Collections
{
    public static bool? Any(Value[]? l) => l is null ? null : l.Length > 0;

    public static bool? Any(Value[]? l, Func<Value, bool?> p)
    {
        if (l is null)
        {
            return null;
        }

        foreach (var v in l)
        {
            if (p(v) == true)
            {
                return true;
            }
        }

        return false;
    }

    public static bool? All(Value[]? l, Func<Value, bool?> p)
    {
        if (l is null)
        {
            return null;
        }

        foreach (var v in l)
        {
            if (p(v) != true)
            {
                return false;
            }
        }

        return true;
    }

    public static long? Count(Value[]? l) => l?.Length;

    public static long? Count(Value[]? l, Func<Value, bool?> p)
    {
        if (l is null)
        {
            return null;
        }

        var n = 0L;
        foreach (var v in l)
        {
            if (p(v) == true)
            {
                n++;
            }
        }

        return n;
    }

    public static Value[]? Where(Value[]? l, Func<Value, bool?> p)
    {
        if (l is null)
        {
            return null;
        }

        var list = new List<Value>(l.Length);
        foreach (var v in l)
        {
            if (p(v) == true)
            {
                list.Add(v);
            }
        }

        return [.. list];
    }

    public static Value[]? Select(Value[]? l, Func<Value, Value> f)
    {
        if (l is null)
        {
            return null;
        }

        var r = new Value[l.Length];
        for (var i = 0; i < l.Length; i++)
        {
            r[i] = f(l[i]);
        }

        return r;
    }

    public static long? SumInt(Value[]? l, Func<Value, long?> f)
    {
        if (l is null)
        {
            return null;
        }

        var s = 0L;
        foreach (var v in l)
        {
            s = checked(s + (f(v) ?? 0));
        }

        return s;
    }

    public static decimal? SumDecimal(Value[]? l, Func<Value, decimal?> f)
    {
        if (l is null)
        {
            return null;
        }

        var s = 0m;
        foreach (var v in l)
        {
            s += f(v) ?? 0m;
        }

        return s;
    }

    public static decimal? Average(Value[]? l, Func<Value, decimal?> f)
    {
        if (l is null || l.Length == 0)
        {
            return null;
        }

        var s = 0m;
        var n = 0;
        foreach (var v in l)
        {
            if (f(v) is { } x)
            {
                s += x;
                n++;
            }
        }

        return n == 0 ? null : s / n;
    }

    public static T? Min<T>(Value[]? l, Func<Value, T?> f)
        where T : struct, IComparable<T> => Extreme(l, f, -1);

    public static T? Max<T>(Value[]? l, Func<Value, T?> f)
        where T : struct, IComparable<T> => Extreme(l, f, 1);

    private static T? Extreme<T>(Value[]? l, Func<Value, T?> f, int sign)
        where T : struct, IComparable<T>
    {
        if (l is null)
        {
            return null;
        }

        T? best = null;
        foreach (var v in l)
        {
            if (f(v) is { } x && (best is null || x.CompareTo(best.Value) * sign > 0))
            {
                best = x;
            }
        }

        return best;
    }

    public static Value[]? OrderBy<T>(Value[]? l, Func<Value, T?> key, bool descending)
        where T : struct, IComparable<T>
    {
        if (l is null)
        {
            return null;
        }

        var ordered = descending ? l.OrderByDescending(key) : l.OrderBy(key);
        return [.. ordered];
    }

    public static Value[]? OrderByString(Value[]? l, Func<Value, string?> key, bool descending)
    {
        if (l is null)
        {
            return null;
        }

        var ordered = descending ? l.OrderByDescending(key, StringComparer.Ordinal) : l.OrderBy(key, StringComparer.Ordinal);
        return [.. ordered];
    }

    public static Value[]? Take(Value[]? l, long? n) => l is null || n is null ? null : l[..(int)Math.Clamp(n.Value, 0, l.Length)];

    public static Value[]? Skip(Value[]? l, long? n) => l is null || n is null ? null : l[(int)Math.Clamp(n.Value, 0, l.Length)..];

    public static Value First(Value[]? l, Func<Value, bool?>? p)
    {
        if (l is null)
        {
            return default;
        }

        foreach (var v in l)
        {
            if (p is null || p(v) == true)
            {
                return v;
            }
        }

        throw new RuleRuntimeException(p is null ? "First: the list is empty" : "First: no item matches the condition");
    }

    public static Value FirstOrDefault(Value[]? l, Func<Value, bool?>? p)
    {
        if (l is null)
        {
            return default;
        }

        foreach (var v in l)
        {
            if (p is null || p(v) == true)
            {
                return v;
            }
        }

        return default;
    }

    public static bool? Contains(Value[]? l, Value item, Func<Value, Value, bool> equals)
    {
        if (l is null || !item.Present)
        {
            return null;
        }

        foreach (var v in l)
        {
            if (v.Present && equals(v, item))
            {
                return true;
            }
        }

        return false;
    }

    public static bool BitsEqual(Value a, Value b) => a.Bits == b.Bits;

    public static bool DecimalEqual(Value a, Value b) => a.Dec == b.Dec;

    public static bool StringEqual(Value a, Value b) => string.Equals(a.Ref as string, b.Ref as string, StringComparison.Ordinal);
}
