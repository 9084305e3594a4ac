using System.Runtime.CompilerServices;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Comparisons called by compiled rules: one small call per comparison keeps the generated code (and so compile time)
/// small, and the JIT inlines them. A comparison with a missing value is false whatever the operator.
/// Operators: 0 ==, 1 !=, 2 &lt;, 3 &lt;=, 4 &gt;, 5 &gt;=.
/// </summary>
internal static class Compare
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Values<T>(T? a, T? b, int op)
        where T : struct, IComparable<T>
    {
        if (!a.HasValue || !b.HasValue)
        {
            return false;
        }

        var c = a.GetValueOrDefault().CompareTo(b.GetValueOrDefault());
        return Result(c, op);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Strings(string? a, string? b, int op)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return op switch
        {
            0 => string.Equals(a, b, StringComparison.Ordinal),
            1 => !string.Equals(a, b, StringComparison.Ordinal),
            _ => Result(string.CompareOrdinal(a, b), op),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Result(int c, int op) => op switch
    {
        0 => c == 0,
        1 => c != 0,
        2 => c < 0,
        3 => c <= 0,
        4 => c > 0,
        _ => c >= 0,
    };

    public static bool ValuesTraced<T>(EvalContext ctx, int id, T? a, T? b, int op)
        where T : struct, IComparable<T>
    {
        var r = Values(a, b, op);
        ValueOps.Record(ctx, id, Pack(a), Pack(b), KindOf<T>(), r);
        return r;
    }

    private static Binding.TypeKind KindOf<T>()
    {
        if (typeof(T) == typeof(long))
        {
            return Binding.TypeKind.Int;
        }

        if (typeof(T) == typeof(decimal))
        {
            return Binding.TypeKind.Decimal;
        }

        if (typeof(T) == typeof(bool))
        {
            return Binding.TypeKind.Bool;
        }

        return typeof(T) == typeof(DateTime) ? Binding.TypeKind.Date : Binding.TypeKind.Span;
    }

    private static Value Pack<T>(T? v)
        where T : struct
    {
        if (v is not { } x)
        {
            return default;
        }

        if (typeof(T) == typeof(decimal))
        {
            return Value.OfDecimal(Unsafe.As<T, decimal>(ref x));
        }

        if (typeof(T) == typeof(long))
        {
            return Value.OfLong(Unsafe.As<T, long>(ref x));
        }

        if (typeof(T) == typeof(bool))
        {
            return Value.OfLong(Unsafe.As<T, bool>(ref x) ? 1 : 0);
        }

        return typeof(T) == typeof(DateTime) ? Value.OfLong(Unsafe.As<T, DateTime>(ref x).Ticks) : Value.OfLong(Unsafe.As<T, TimeSpan>(ref x).Ticks);
    }

    public static bool StringsTraced(EvalContext ctx, int id, string? a, string? b, int op)
    {
        var r = Strings(a, b, op);
        ValueOps.Record(ctx, id, Value.OfRef(a), Value.OfRef(b), Binding.TypeKind.String, r);
        return r;
    }

    /// <summary><c>!x</c>: false when x is missing (a "not" never follows from a missing fact).</summary>
    public static bool Not(bool? x) => x == false;
}
