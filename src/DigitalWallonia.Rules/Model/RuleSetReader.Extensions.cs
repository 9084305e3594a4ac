using System.Globalization;
using System.Text.Json.Nodes;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Model;

/// <summary>Our extensions: Inputs schema, dated Parameters, Outputs and embedded Tests.</summary>
internal sealed partial class RuleSetReader
{
    private List<KeyValuePair<string, TypeSpec>>? ReadInputs(SourceNode? node, string p)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind != SourceNodeKind.Object)
        {
            Report(node, p, M.InvalidProperty, M.Format(M.InvalidPropertyText, "Inputs", "an object mapping input names to types expected"));
            return null;
        }

        return node.Properties!.Select(kv => new KeyValuePair<string, TypeSpec>(kv.Key, ReadType(kv.Value, $"{p}.{kv.Key}"))).ToList();
    }

    private TypeSpec ReadType(SourceNode node, string p)
    {
        if (node.Kind == SourceNodeKind.String)
        {
            var t = node.Text!;
            var nullable = t.EndsWith('?');
            return CheckKind(new TypeSpec(nullable ? t[..^1] : t, nullable, null, null), node, p);
        }

        if (node.Kind != SourceNodeKind.Object)
        {
            Report(node, p, M.InvalidSchemaType, M.Format(M.InvalidSchemaTypeText, node.AsString()));
            return new TypeSpec("string", true, null, null);
        }

        var kind = node.Get("Type")?.AsString() ?? (node.Get("Properties") is not null ? "object" : "string");
        var isNullable = node.Get("Nullable")?.AsBool() ?? false;
        if (kind.EndsWith('?'))
        {
            kind = kind[..^1];
            isNullable = true;
        }

        var props = node.Get("Properties")?.Properties?
            .Select(kv => new KeyValuePair<string, TypeSpec>(kv.Key, ReadType(kv.Value, $"{p}.{kv.Key}"))).ToList();
        var itemsNode = node.Get("Items");
        var items = itemsNode is null ? null : ReadType(itemsNode, $"{p}.Items");
        return CheckKind(new TypeSpec(kind.ToLowerInvariant(), isNullable, props, items), node, p);
    }

    private TypeSpec CheckKind(TypeSpec t, SourceNode node, string p)
    {
        var k = t.Kind.ToLowerInvariant();
        if (k is "integer" or "int" or "decimal" or "number" or "money" or "string" or "boolean" or "bool" or "date" or "object" or "list")
        {
            return t with { Kind = k };
        }

        Report(node, p, M.InvalidSchemaType, M.Format(M.InvalidSchemaTypeText, t.Kind));
        return t with { Kind = "string" };
    }

    private List<ParameterDefinition> ReadParameters(SourceNode? node, string p)
    {
        var list = new List<ParameterDefinition>();
        if (node?.Items is null)
        {
            return list;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = node.Items[i];
            var ip = $"{p}[{i}]";
            var name = item.Get("Name")?.AsString();
            if (string.IsNullOrWhiteSpace(name))
            {
                Report(item, ip, M.MissingProperty, M.Format(M.MissingPropertyText, "Name"));
                continue;
            }

            if (list.Any(x => x.Name == name))
            {
                Report(item, ip, M.DuplicateName, M.Format(M.DuplicateNameText, "parameter", name));
            }

            var typeNode = item.Get("Type");
            var type = typeNode is null ? new TypeSpec("decimal", false, null, null) : ReadType(typeNode, ip + ".Type");
            var values = new List<ParameterValueDefinition>();
            var valuesNode = item.Get("Values");
            for (var j = 0; j < (valuesNode?.Items?.Count ?? 0); j++)
            {
                var v = valuesNode!.Items![j];
                var from = ReadDate(v.Get("ValidFrom"), $"{ip}.Values[{j}].ValidFrom");
                if (from is null)
                {
                    if (v.Get("ValidFrom") is null)
                    {
                        Report(v, $"{ip}.Values[{j}]", M.MissingProperty, M.Format(M.MissingPropertyText, "ValidFrom"));
                    }

                    continue;
                }

                var valueNode = v.Get("Value");
                values.Add(new ParameterValueDefinition(from.Value, valueNode is null ? null : ToJsonNode(valueNode), ReadLegalBasis(v.Get("LegalBasis"))));
            }

            values.Sort((a, b) => a.ValidFrom.CompareTo(b.ValidFrom));
            list.Add(new ParameterDefinition(name, type, item.Get("Unit")?.AsString(), values, ip));
        }

        return list;
    }

    private List<OutputDefinition> ReadOutputs(SourceNode? node, string p)
    {
        var list = new List<OutputDefinition>();
        for (var i = 0; i < (node?.Items?.Count ?? 0); i++)
        {
            var item = node!.Items![i];
            var name = item.Get("Name")?.AsString();
            var e = item.Get("Expression");
            if (string.IsNullOrWhiteSpace(name) || e is not { Kind: SourceNodeKind.String })
            {
                Report(item, $"{p}[{i}]", M.MissingProperty, M.Format(M.MissingPropertyText, "Name and Expression"));
                continue;
            }

            var type = item.Get("Type")?.AsString();
            list.Add(new OutputDefinition(name, new ExpressionSource(e.Text!, e, $"{p}[{i}].Expression"),
                string.Equals(type, "money", StringComparison.OrdinalIgnoreCase), item.Get("Unit")?.AsString()));
        }

        return list;
    }

    private List<TestCaseDefinition> ReadTests(SourceNode? node, string p)
    {
        var list = new List<TestCaseDefinition>();
        for (var i = 0; i < (node?.Items?.Count ?? 0); i++)
        {
            var item = node!.Items![i];
            var ip = $"{p}[{i}]";
            var name = item.Get("Name")?.AsString() ?? ip;
            var inputs = item.Get("Inputs");
            var expectedRules = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var kv in item.Get("Expect")?.Properties ?? [])
            {
                var b = kv.Value.AsBool() ?? kv.Value.AsString()?.ToLowerInvariant() switch
                {
                    "success" or "passed" => true,
                    "failure" or "failed" => false,
                    _ => (bool?)null,
                };
                if (b is null)
                {
                    Report(kv.Value, $"{ip}.Expect.{kv.Key}", M.InvalidProperty, M.Format(M.InvalidPropertyText, kv.Key, "true/false or \"success\"/\"failure\" expected"));
                    continue;
                }

                expectedRules[kv.Key] = b.Value;
            }

            var expectedOutputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var kv in item.Get("ExpectOutputs")?.Properties ?? [])
            {
                expectedOutputs[kv.Key] = ToJsonNode(kv.Value);
            }

            list.Add(new TestCaseDefinition(name, ReadDate(item.Get("AsOf"), ip + ".AsOf"),
                inputs is null ? "{}" : ToJsonNode(inputs)?.ToJsonString() ?? "{}", expectedRules, expectedOutputs, item));
        }

        return list;
    }

    internal static JsonNode? ToJsonNode(SourceNode node) => node.Kind switch
    {
        SourceNodeKind.Null => null,
        SourceNodeKind.True => JsonValue.Create(true),
        SourceNodeKind.False => JsonValue.Create(false),
        SourceNodeKind.String => JsonValue.Create(node.Text),
        SourceNodeKind.Number => JsonNode.Parse(node.Text!),
        SourceNodeKind.Array => new JsonArray(node.Items!.Select(ToJsonNode).ToArray()),
        _ => new JsonObject(node.Properties!.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, ToJsonNode(kv.Value)))),
    };
}
