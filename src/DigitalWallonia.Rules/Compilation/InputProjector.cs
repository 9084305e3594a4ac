using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalWallonia.Rules.Binding;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Reads a JSON input straight into <see cref="Value"/> slots laid out by a shape, in one pass, without an
/// intermediate document. In strict mode (inferred shapes) any member or kind the shape does not have makes the
/// input "not fit" so a new shape is inferred; with a schema, unknown members are skipped and a wrong kind is an error.
/// Absent members and JSON nulls read as missing.
/// </summary>
internal static class InputProjector
{
    private const string NotFit = "";

    /// <summary>Returns null on success, <see cref="string.Empty"/> when a strict shape does not fit, else an error text.</summary>
    public static string? Project(ReadOnlySpan<byte> json, RType shape, bool strict, out Value root, MemberUsage? usage = null)
    {
        root = default;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 });
        try
        {
            if (!reader.Read())
            {
                return "the input is empty";
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "the input must be a JSON object whose keys are the input names";
            }

            var error = Read(ref reader, shape, strict, 0, usage, out root);
            return error is { Length: > 0 } ? FormatError(error) : error;
        }
        catch (JsonException e)
        {
            return "invalid JSON: " + e.Message;
        }
    }

    public static bool IsNotFit(string? error) => error is { Length: 0 };

    // Errors carry their path as it is unwound ("company.employees|a whole number"); paths are only built on failure.
    private static string FormatError(string error)
    {
        var bar = error.IndexOf('|', StringComparison.Ordinal);
        return bar <= 0 ? "the input " + error[(bar + 1)..] : $"'{error[..bar]}' must be {error[(bar + 1)..]}";
    }

    private static string Prefix(string segment, string error)
        => error.Length == 0 ? error : segment + (error[0] is '|' or '[' ? string.Empty : ".") + error;

    private static string? Read(ref Utf8JsonReader r, RType t, bool strict, int depth, MemberUsage? usage, out Value v)
    {
        v = default;
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        switch (t.Kind)
        {
            case TypeKind.Int:
                if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var l) && IsWhole(ref r))
                {
                    v = Value.OfLong(l);
                    return null;
                }

                return Mismatch(strict, "a whole number");
            case TypeKind.Decimal:
                if (r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var d))
                {
                            v = Value.OfDecimal(d);
                    return null;
                }

                return Mismatch(strict, "a number");
            case TypeKind.String:
                if (r.TokenType == JsonTokenType.String)
                {
                    v = Value.OfRef(r.GetString());
                    return null;
                }

                return Mismatch(strict, "a string");
            case TypeKind.Bool:
                if (r.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    v = Value.OfLong(r.TokenType == JsonTokenType.True ? 1 : 0);
                    return null;
                }

                return Mismatch(strict, "true or false");
            case TypeKind.Date:
                if (r.TokenType == JsonTokenType.String
                    && DateTime.TryParse(r.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    v = Value.OfLong(date.Ticks);
                    return null;
                }

                return Mismatch(strict, "a date (YYYY-MM-DD)");
            case TypeKind.Object:
                return r.TokenType == JsonTokenType.StartObject ? ReadObject(ref r, t, strict, depth, usage, out v) : Mismatch(strict, "an object");
            case TypeKind.List:
                return r.TokenType == JsonTokenType.StartArray ? ReadList(ref r, t, strict, depth, usage, out v) : Mismatch(strict, "a list");
            default:
                // A member seen only as null: anything else is a new shape.
                if (strict)
                {
                    return NotFit;
                }

                r.Skip();
                return null;
        }
    }

    private static bool SameKind(JsonTokenType token, RType t) => token == JsonTokenType.Null || t.Kind switch
    {
        TypeKind.Int or TypeKind.Decimal => token == JsonTokenType.Number,
        TypeKind.String or TypeKind.Date => token == JsonTokenType.String,
        TypeKind.Bool => token is JsonTokenType.True or JsonTokenType.False,
        TypeKind.Object => token == JsonTokenType.StartObject,
        TypeKind.List => token == JsonTokenType.StartArray,
        _ => false,
    };

    private static bool IsWhole(ref Utf8JsonReader r)
    {
        var span = r.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(r.ValueSequence) : r.ValueSpan;
        return span.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
    }

    private static string? Mismatch(bool strict, string expected) => strict ? NotFit : "|" + expected;

    private static string? ReadObject(ref Utf8JsonReader r, RType t, bool strict, int depth, MemberUsage? usage, out Value v)
    {
        v = default;
        var members = t.Members!;
        var names = Utf8Names(t);
        var fields = new Value[members.Count];
        var used = usage?.For(t);
        var next = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var index = -1;
            // Members usually come in the order the shape was inferred from; try that one first.
            if (next < names.Length && r.ValueTextEquals(names[next]))
            {
                index = next;
            }
            else
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (r.ValueTextEquals(names[i]))
                    {
                        index = i;
                        break;
                    }
                }
            }

            r.Read();
            if (index < 0)
            {
                if (strict)
                {
                    return NotFit;
                }

                r.Skip();
                continue;
            }

            next = index + 1;
            if (usage is not null && (used is null || !used[index]))
            {
                // No rule reads this member: check its kind (so the shape still fits) and skip it.
                if (strict && !SameKind(r.TokenType, members[index].Value))
                {
                    return NotFit;
                }

                r.Skip();
                continue;
            }

            var error = Read(ref r, members[index].Value, strict, depth + 1, usage, out fields[index]);
            if (error is not null)
            {
                return Prefix(members[index].Key, error);
            }
        }

        v = Value.OfRef(fields);
        return null;
    }

    private static string? ReadList(ref Utf8JsonReader r, RType t, bool strict, int depth, MemberUsage? usage, out Value v)
    {
        v = default;
        // One scratch list per nesting depth and thread: lists are read without growing a new List each time.
        var scratch = Scratch(depth);
        var start = scratch.Count;
        var elem = t.Element!;
        try
        {
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                var error = Read(ref r, elem, strict, depth + 1, usage, out var item);
                if (error is not null)
                {
                    return Prefix("[" + (scratch.Count - start).ToString(CultureInfo.InvariantCulture) + "]", error);
                }

                scratch.Add(item);
            }

            var items = new Value[scratch.Count - start];
            scratch.CopyTo(start, items, 0, items.Length);
            v = Value.OfRef(items);
            return null;
        }
        finally
        {
            scratch.RemoveRange(start, scratch.Count - start);
        }
    }

    [ThreadStatic]
    private static List<Value>[]? _scratch;

    private static List<Value> Scratch(int depth)
    {
        _scratch ??= new List<Value>[130];
        return _scratch[depth] ??= new List<Value>(16);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RType, byte[][]> NameCache = [];

    private static byte[][] Utf8Names(RType t)
        => NameCache.GetValue(t, static x => x.Members!.Select(m => Encoding.UTF8.GetBytes(m.Key)).ToArray());
}
