using System.Globalization;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Reads and writes of projected values called by compiled rules. All are null-safe: an absent object or value gives
/// an absent result, never a NullReferenceException.
/// </summary>
internal static class ValueOps
{
    public static long? GetInt(Value[]? o, int i) => o is not null && o[i].Present ? o[i].Bits : null;

    public static decimal? GetDecimal(Value[]? o, int i) => o is not null && o[i].Present ? o[i].Dec : null;

    public static bool? GetBool(Value[]? o, int i) => o is not null && o[i].Present ? o[i].Bits != 0 : null;

    public static DateTime? GetDate(Value[]? o, int i) => o is not null && o[i].Present ? new DateTime(o[i].Bits) : null;

    public static TimeSpan? GetSpan(Value[]? o, int i) => o is not null && o[i].Present ? new TimeSpan(o[i].Bits) : null;

    public static string? GetString(Value[]? o, int i) => o?[i].Ref as string;

    public static Value[]? GetArray(Value[]? o, int i) => o?[i].Ref as Value[];

    public static long? AsInt(Value v) => v.Present ? v.Bits : null;

    public static decimal? AsDecimal(Value v) => v.Present ? v.Dec : null;

    public static bool? AsBool(Value v) => v.Present ? v.Bits != 0 : null;

    public static DateTime? AsDate(Value v) => v.Present ? new DateTime(v.Bits) : null;

    public static TimeSpan? AsSpan(Value v) => v.Present ? new TimeSpan(v.Bits) : null;

    public static string? AsString(Value v) => v.Ref as string;

    public static Value[]? AsArray(Value v) => v.Ref as Value[];

    public static Value FromInt(long? v) => v is { } x ? Value.OfLong(x) : default;

    public static Value FromDecimal(decimal? v) => v is { } x ? Value.OfDecimal(x) : default;

    public static Value FromBool(bool? v) => v is { } x ? Value.OfLong(x ? 1 : 0) : default;

    public static Value FromDate(DateTime? v) => v is { } x ? Value.OfLong(x.Ticks) : default;

    public static Value FromSpan(TimeSpan? v) => v is { } x ? Value.OfLong(x.Ticks) : default;

    public static Value FromRef(object? v) => Value.OfRef(v);

    public static void Store(Value[] slots, int i, Value v) => slots[i] = v;

    public static Value Item(Value[]? list, long? index)
        => list is null || index is not { } i || i < 0 || i >= list.Length ? default : list[i];

    public static void RecordObjects(EvalContext ctx, int id, object? left, object? right, bool? result)
        => Record(ctx, id, Value.OfRef(left), Value.OfRef(right), Binding.TypeKind.Unknown, result);

    /// <summary>Stores what a comparison saw, unboxed (explaining must stay cheap: it runs on every evaluation asked to explain).</summary>
    public static void Record(EvalContext ctx, int id, Value left, Value right, Binding.TypeKind kind, bool? result)
    {
        if (ctx.Trace is { } t && ctx.TraceBase + id < t.Length)
        {
            t[ctx.TraceBase + id] = new TraceEntry { Seen = true, Kind = kind, Left = left, Right = right, Result = result };
        }
    }

    public static bool? RecordBool(EvalContext ctx, int id, bool? value)
    {
        if (ctx.Trace is { } t && ctx.TraceBase + id < t.Length)
        {
            t[ctx.TraceBase + id].Seen = true;
            t[ctx.TraceBase + id].Result = value;
        }

        return value;
    }

    public static string? Concat(object? a, object? b) => Text(a) + Text(b);

    public static string? Text(object? v) => v switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    public static int? CompareStrings(string? a, string? b) => a is null || b is null ? null : Math.Sign(string.CompareOrdinal(a, b));
}
