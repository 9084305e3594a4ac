using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>Turns projected values back into JSON, for action outputs, outputs and <c>$(path)</c> placeholders.</summary>
internal static class ValueJson
{
    public static JsonNode? ToJson(Value v, RType t)
    {
        if (!v.Present && v.Ref is null)
        {
            return null;
        }

        return t.Kind switch
        {
            TypeKind.Int => JsonValue.Create(v.Bits),
            TypeKind.Decimal => JsonValue.Create(v.Dec),
            TypeKind.Bool => JsonValue.Create(v.Bits != 0),
            TypeKind.Date => JsonValue.Create(ValueOps.Text(new DateTime(v.Bits))),
            TypeKind.Span => JsonValue.Create(new TimeSpan(v.Bits).ToString("c", CultureInfo.InvariantCulture)),
            TypeKind.String => JsonValue.Create(v.Ref as string),
            TypeKind.Object => ToObject((Value[])v.Ref!, t),
            TypeKind.List => new JsonArray(((Value[])v.Ref!).Select(x => ToJson(x, t.Element!)).ToArray()),
            _ => null,
        };
    }

    private static JsonObject ToObject(Value[] fields, RType t)
    {
        var o = new JsonObject();
        for (var i = 0; i < t.Members!.Count; i++)
        {
            o[t.Members[i].Key] = ToJson(fields[i], t.Members[i].Value);
        }

        return o;
    }

    /// <summary>A value as it appears inside a message: strings as they are, everything else in JSON form.</summary>
    public static string ToText(JsonNode? node)
        => node is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";

    /// <summary>Rounds half away from zero to the cent (money outputs).</summary>
    public static Value RoundMoney(Value v, RType t)
        => t.Kind == TypeKind.Decimal && v.Present ? Value.OfDecimal(Math.Round(v.Dec, 2, MidpointRounding.AwayFromZero)) : v;
}
