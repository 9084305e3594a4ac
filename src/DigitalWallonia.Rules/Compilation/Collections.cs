namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Collection functions over projected lists. Most collection methods are written as loops by the binder (LoopBuilder); these are the helpers it calls.
/// An absent list gives an absent result (Any/All/Count of nothing are absent, not false/0).
/// </summary>
internal static class Collections
{
    /// <summary>Stable sort of <paramref name="l"/> by precomputed keys (missing keys first, as LINQ orders nulls).</summary>
    public static Value[] SortByKeys<T>(Value[] l, T?[] keys, bool descending)
        where T : struct, IComparable<T>
    {
        var order = Enumerable.Range(0, l.Length);
        var sorted = descending ? order.OrderByDescending(i => keys[i]) : order.OrderBy(i => keys[i]);
        return sorted.Select(i => l[i]).ToArray();
    }

    public static Value[] SortByStringKeys(Value[] l, string?[] keys, bool descending)
    {
        var order = Enumerable.Range(0, l.Length);
        var sorted = descending ? order.OrderByDescending(i => keys[i], StringComparer.Ordinal) : order.OrderBy(i => keys[i], StringComparer.Ordinal);
        return sorted.Select(i => l[i]).ToArray();
    }

    public static long? Count(Value[]? l) => l?.Length;

    public static Value[]? Take(Value[]? l, long? n) => l is null || n is null ? null : l[..(int)Math.Clamp(n.Value, 0, l.Length)];

    public static Value[]? Skip(Value[]? l, long? n) => l is null || n is null ? null : l[(int)Math.Clamp(n.Value, 0, l.Length)..];

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
