using System.Text.Json;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Model;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Input shapes: inferred from a JSON input when the rule set has no <c>Inputs</c> schema, or built from the schema.
/// Whole JSON numbers are integers, others decimals; list items are unified (integer with decimal gives decimal,
/// objects take the union of their members).
/// </summary>
internal static class ShapeInference
{
    public static RType Infer(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => IsInteger(e) ? RType.Int : RType.Decimal,
        JsonValueKind.String => RType.String,
        JsonValueKind.True or JsonValueKind.False => RType.Bool,
        JsonValueKind.Object => InferObject(e),
        JsonValueKind.Array => RType.ListOf(e.EnumerateArray().Select(Infer).Aggregate(RType.Null, Unify)),
        _ => RType.Null,
    };

    private static bool IsInteger(JsonElement e)
    {
        var raw = e.GetRawText();
        return raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0 && e.TryGetInt64(out _);
    }

    private static RType InferObject(JsonElement e)
    {
        var members = new List<KeyValuePair<string, RType>>();
        foreach (var p in e.EnumerateObject())
        {
            if (members.All(m => m.Key != p.Name))
            {
                members.Add(new(p.Name, Infer(p.Value)));
            }
        }

        return RType.ObjectOf(members);
    }

    public static RType Unify(RType a, RType b)
    {
        if (a.Kind == TypeKind.Null)
        {
            return b;
        }

        if (b.Kind == TypeKind.Null)
        {
            return a;
        }

        if (a.IsNumeric && b.IsNumeric)
        {
            return a.Kind == TypeKind.Decimal || b.Kind == TypeKind.Decimal ? RType.Decimal : RType.Int;
        }

        if (a.Kind == TypeKind.Object && b.Kind == TypeKind.Object)
        {
            var members = a.Members!.Select(m =>
            {
                var i = b.MemberIndex(m.Key);
                return i < 0 ? m : new KeyValuePair<string, RType>(m.Key, Unify(m.Value, b.Members![i].Value));
            }).ToList();
            members.AddRange(b.Members!.Where(m => a.MemberIndex(m.Key) < 0));
            return RType.ObjectOf(members);
        }

        if (a.Kind == TypeKind.List && b.Kind == TypeKind.List)
        {
            return RType.ListOf(Unify(a.Element!, b.Element!));
        }

        // Items of different kinds (a string and a number): the member cannot be used reliably.
        return a.Kind == b.Kind ? a : RType.Null;
    }

    public static RType FromSchema(IReadOnlyList<KeyValuePair<string, TypeSpec>> inputs)
        => RType.ObjectOf(inputs.Select(kv => new KeyValuePair<string, RType>(kv.Key, FromSpec(kv.Value))).ToList());

    public static RType FromSpec(TypeSpec spec) => spec.Kind switch
    {
        "integer" or "int" => RType.Int,
        "decimal" or "number" or "money" => RType.Decimal,
        "boolean" or "bool" => RType.Bool,
        "date" => RType.Date,
        "object" => RType.ObjectOf((spec.Properties ?? []).Select(p => new KeyValuePair<string, RType>(p.Key, FromSpec(p.Value))).ToList()),
        "list" => RType.ListOf(spec.Items is null ? RType.Null : FromSpec(spec.Items)),
        _ => RType.String,
    };
}
