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
    public static string? Project(ReadOnlySpan<byte> json, RType shape, bool strict, out Value root)
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

            return Read(ref reader, shape, strict, "", out root);
        }
        catch (JsonException e)
        {
            return "invalid JSON: " + e.Message;
        }
    }

    public static bool IsNotFit(string? error) => error is { Length: 0 };

    private static string? Read(ref Utf8JsonReader r, RType t, bool strict, string path, out Value v)
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

                return Mismatch(strict, path, "a whole number");
            case TypeKind.Decimal:
                if (r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var d))
                {
                            v = Value.OfDecimal(d);
                    return null;
                }

                return Mismatch(strict, path, "a number");
            case TypeKind.String:
                if (r.TokenType == JsonTokenType.String)
                {
                    v = Value.OfRef(r.GetString());
                    return null;
                }

                return Mismatch(strict, path, "a string");
            case TypeKind.Bool:
                if (r.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    v = Value.OfLong(r.TokenType == JsonTokenType.True ? 1 : 0);
                    return null;
                }

                return Mismatch(strict, path, "true or false");
            case TypeKind.Date:
                if (r.TokenType == JsonTokenType.String
                    && DateTime.TryParse(r.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    v = Value.OfLong(date.Ticks);
                    return null;
                }

                return Mismatch(strict, path, "a date (YYYY-MM-DD)");
            case TypeKind.Object:
                return r.TokenType == JsonTokenType.StartObject ? ReadObject(ref r, t, strict, path, out v) : Mismatch(strict, path, "an object");
            case TypeKind.List:
                return r.TokenType == JsonTokenType.StartArray ? ReadList(ref r, t, strict, path, out v) : Mismatch(strict, path, "a list");
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

    private static bool IsWhole(ref Utf8JsonReader r)
    {
        var span = r.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(r.ValueSequence) : r.ValueSpan;
        return span.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
    }

    private static string? Mismatch(bool strict, string path, string expected) => strict ? NotFit : $"'{path}' must be {expected}";

    private static string? ReadObject(ref Utf8JsonReader r, RType t, bool strict, string path, out Value v)
    {
        v = default;
        var members = t.Members!;
        var names = Utf8Names(t);
        var fields = new Value[members.Count];
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
            var error = Read(ref r, members[index].Value, strict, path.Length == 0 ? members[index].Key : path + "." + members[index].Key, out fields[index]);
            if (error is not null)
            {
                return error;
            }
        }

        v = Value.OfRef(fields);
        return null;
    }

    private static string? ReadList(ref Utf8JsonReader r, RType t, bool strict, string path, out Value v)
    {
        v = default;
        var items = new List<Value>();
        var elem = t.Element!;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var error = Read(ref r, elem, strict, $"{path}[{items.Count}]", out var item);
            if (error is not null)
            {
                return error;
            }

            items.Add(item);
        }

        v = Value.OfRef(items.ToArray());
        return null;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RType, byte[][]> NameCache = [];

    private static byte[][] Utf8Names(RType t)
        => NameCache.GetValue(t, static x => x.Members!.Select(m => Encoding.UTF8.GetBytes(m.Key)).ToArray());
}
