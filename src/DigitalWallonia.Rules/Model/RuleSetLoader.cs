using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Model;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules;

/// <summary>
/// Reads rule sets from JSON: one RulesEngine workflow object or an array of them, property names in any case,
/// plus our extensions (Version, ValidFrom, ValidTo, Supersedes, LegalBasis, Inputs, Parameters, Outputs, Tests).
/// Never throws on bad content: every problem is a positioned <see cref="Diagnostic"/>. Expressions are not checked
/// here; <see cref="RuleEngine.Check"/> does that.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>Reads a file. An unreadable file is reported as a diagnostic at 1:1.</summary>
    public static RuleSetLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RuleSetLoadResult([], [new Diagnostic(M.InvalidJson, M.Format(M.InvalidJsonText, e.Message), 1, 1) { File = path }])
            {
                IsStructurallyValid = false,
            };
        }

        return LoadText(text, path);
    }

    /// <summary>Reads rule sets from JSON text; <paramref name="path"/> is used in positions.</summary>
    public static RuleSetLoadResult LoadText(string json, string path = "<input>")
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = new SourceFile(path, json);
        var root = SourceJsonParser.Parse(file, out var error);
        if (root is null)
        {
            var (line, col) = file.LineColumn(error!.Offset); // Parse returns null only with an error.
            return new RuleSetLoadResult([], [new Diagnostic(M.InvalidJson, M.Format(M.InvalidJsonText, error.Message), line, col) { File = path }])
            {
                IsStructurallyValid = false,
            };
        }

        var reader = new Reader(path);
        var sets = new List<RuleSet>();
        if (root.Kind == SourceNodeKind.Array)
        {
            for (var i = 0; i < root.Items!.Count; i++)
            {
                var set = reader.ReadRuleSet(root.Items[i], $"[{i}]");
                if (set is not null)
                {
                    sets.Add(set);
                }
            }
        }
        else
        {
            var set = reader.ReadRuleSet(root, string.Empty);
            if (set is not null)
            {
                sets.Add(set);
            }
        }

        return new RuleSetLoadResult(sets, reader.Diagnostics) { IsStructurallyValid = reader.Diagnostics.Count == 0 };
    }

    private sealed class Reader(string path)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        private void Report(SourceNode node, string jsonPath, string code, string message, string? rule = null)
        {
            var (line, col) = node.Position;
            Diagnostics.Add(new Diagnostic(code, message, line, col) { File = path, Path = jsonPath, RuleName = rule });
        }

        private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

        public RuleSet? ReadRuleSet(SourceNode node, string p)
        {
            if (node.Kind != SourceNodeKind.Object)
            {
                Report(node, p, M.InvalidProperty, M.Format(M.InvalidPropertyText, "workflow", "an object with WorkflowName and Rules expected"));
                return null;
            }

            var nameNode = node.Get("WorkflowName");
            var name = nameNode?.AsString();
            if (string.IsNullOrWhiteSpace(name))
            {
                Report(nameNode ?? node, Join(p, "WorkflowName"), M.MissingProperty, M.Format(M.MissingPropertyText, "WorkflowName"));
                name = "<unnamed>";
            }

            var rules = ReadRules(node.Get("Rules"), Join(p, "Rules"), required: true);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in rules)
            {
                if (!names.Add(r.Name))
                {
                    Report(r.Node ?? node, r.Path, M.DuplicateName, M.Format(M.DuplicateNameText, "rule", r.Name), r.Name);
                }
            }

            var versionNode = node.Get("Version");
            var version = 1;
            if (versionNode is { IsNull: false })
            {
                if (versionNode.AsInt() is { } v && v > 0)
                {
                    version = v;
                }
                else
                {
                    Report(versionNode, Join(p, "Version"), M.InvalidProperty, M.Format(M.InvalidPropertyText, "Version", "a positive whole number expected"));
                }
            }

            int? supersedes = null;
            var supNode = node.Get("Supersedes");
            if (supNode is { IsNull: false })
            {
                supersedes = supNode.AsInt();
                if (supersedes is null)
                {
                    Report(supNode, Join(p, "Supersedes"), M.InvalidProperty, M.Format(M.InvalidPropertyText, "Supersedes", "a version number expected"));
                }
            }

            return new RuleSet
            {
                Name = name,
                Version = version,
                ValidFrom = ReadDate(node.Get("ValidFrom"), Join(p, "ValidFrom")),
                ValidTo = ReadDate(node.Get("ValidTo"), Join(p, "ValidTo")),
                Supersedes = supersedes,
                LegalBasis = ReadLegalBasis(node.Get("LegalBasis")),
                SourcePath = path,
                Rules = rules,
                GlobalParams = ReadParams(node.Get("GlobalParams"), Join(p, "GlobalParams")),
                Inputs = ReadInputs(node.Get("Inputs"), Join(p, "Inputs")),
                Parameters = ReadParameters(node.Get("Parameters"), Join(p, "Parameters")),
                Outputs = ReadOutputs(node.Get("Outputs"), Join(p, "Outputs")),
                Tests = ReadTests(node.Get("Tests"), Join(p, "Tests")),
                WorkflowsToInject = node.Get("WorkflowsToInject")?.Items?.Select(i => i.AsString() ?? string.Empty).ToList() ?? [],
                Node = node,
            };
        }

        private DateOnly? ReadDate(SourceNode? node, string p)
        {
            if (node is null || node.IsNull)
            {
                return null;
            }

            var s = node.AsString();
            if (s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            Report(node, p, M.InvalidDate, M.Format(M.InvalidDateText, s));
            return null;
        }

        private static LegalBasis? ReadLegalBasis(SourceNode? node)
        {
            if (node is null || node.IsNull)
            {
                return null;
            }

            if (node.Kind == SourceNodeKind.String)
            {
                return new LegalBasis(node.Text!, null);
            }

            var text = node.Get("Text")?.AsString();
            var link = node.Get("Link")?.AsString();
            return text is null && link is null ? null : new LegalBasis(text ?? link!, link); // one of them is non-null here.
        }

        private List<RuleDefinition> ReadRules(SourceNode? node, string p, bool required)
        {
            var list = new List<RuleDefinition>();
            if (node is null || node.IsNull)
            {
                return list;
            }

            if (node.Kind != SourceNodeKind.Array)
            {
                Report(node, p, M.InvalidProperty, M.Format(M.InvalidPropertyText, "Rules", "an array of rules expected"));
                return list;
            }

            _ = required;
            for (var i = 0; i < node.Items!.Count; i++)
            {
                var rule = ReadRule(node.Items[i], $"{p}[{i}]");
                if (rule is not null)
                {
                    list.Add(rule);
                }
            }

            return list;
        }

        private RuleDefinition? ReadRule(SourceNode node, string p)
        {
            if (node.Kind != SourceNodeKind.Object)
            {
                Report(node, p, M.InvalidProperty, M.Format(M.InvalidPropertyText, "rule", "an object expected"));
                return null;
            }

            var nameNode = node.Get("RuleName");
            var name = nameNode?.AsString();
            if (string.IsNullOrWhiteSpace(name))
            {
                Report(nameNode ?? node, Join(p, "RuleName"), M.MissingProperty, M.Format(M.MissingPropertyText, "RuleName"));
                name = p;
            }

            var op = RuleOperator.None;
            var opNode = node.Get("Operator");
            if (opNode is { IsNull: false })
            {
                op = opNode.AsString()?.ToLowerInvariant() switch
                {
                    "and" or "andalso" => RuleOperator.And,
                    "or" or "orelse" => RuleOperator.Or,
                    _ => RuleOperator.None,
                };
                if (op == RuleOperator.None)
                {
                    Report(opNode, Join(p, "Operator"), M.InvalidProperty, M.Format(M.InvalidPropertyText, "Operator", "And, AndAlso, Or or OrElse expected"), name);
                }
            }

            var children = ReadRules(node.Get("Rules"), Join(p, "Rules"), required: false);
            var exprNode = node.Get("Expression");
            ExpressionSource? expression = null;
            if (exprNode is { Kind: SourceNodeKind.String })
            {
                expression = new ExpressionSource(exprNode.Text!, exprNode, Join(p, "Expression"));
            }
            else if (exprNode is { IsNull: false })
            {
                Report(exprNode, Join(p, "Expression"), M.InvalidProperty, M.Format(M.InvalidPropertyText, "Expression", "a string expected"), name);
            }

            if (expression is null && children.Count == 0)
            {
                Report(nameNode ?? node, Join(p, "Expression"), M.MissingProperty, M.Format(M.MissingPropertyText, "Expression (or Operator with nested Rules)"), name);
            }
            else if (children.Count > 0 && op == RuleOperator.None && opNode is null)
            {
                // RulesEngine requires an Operator for nested rules; And is the only sensible default and we say so in docs.
                op = RuleOperator.And;
            }

            var actions = node.Get("Actions");
            return new RuleDefinition
            {
                Name = name,
                Path = p,
                Expression = children.Count > 0 ? null : expression,
                Operator = op,
                Rules = children,
                LocalParams = ReadParams(node.Get("LocalParams"), Join(p, "LocalParams")),
                SuccessEvent = node.Get("SuccessEvent")?.AsString(),
                ErrorMessage = node.Get("ErrorMessage")?.AsString(),
                Enabled = node.Get("Enabled")?.AsBool() ?? true,
                OnSuccess = ReadAction(actions?.Get("OnSuccess"), Join(p, "Actions.OnSuccess")),
                OnFailure = ReadAction(actions?.Get("OnFailure"), Join(p, "Actions.OnFailure")),
                Node = node,
            };
        }

        private ActionDefinition? ReadAction(SourceNode? node, string p)
        {
            if (node is null || node.IsNull)
            {
                return null;
            }

            var name = node.Get("Name")?.AsString() ?? string.Empty;
            var context = node.Get("Context");
            if (string.Equals(name, "OutputExpression", StringComparison.OrdinalIgnoreCase))
            {
                var e = context?.Get("Expression");
                if (e is not { Kind: SourceNodeKind.String })
                {
                    Report(context ?? node, Join(p, "Context.Expression"), M.MissingProperty, M.Format(M.MissingPropertyText, "Context.Expression"));
                    return null;
                }

                return new ActionDefinition("OutputExpression", new ExpressionSource(e.Text!, e, Join(p, "Context.Expression")), null, null);
            }

            if (string.Equals(name, "EvaluateRule", StringComparison.OrdinalIgnoreCase))
            {
                return new ActionDefinition("EvaluateRule", null, context?.Get("WorkflowName")?.AsString(), context?.Get("RuleName")?.AsString());
            }

            Report(node, Join(p, "Name"), M.InvalidProperty, M.Format(M.InvalidPropertyText, "Name", "OutputExpression or EvaluateRule expected"));
            return null;
        }

        private List<ScopedParamDefinition> ReadParams(SourceNode? node, string p)
        {
            var list = new List<ScopedParamDefinition>();
            if (node?.Items is null)
            {
                return list;
            }

            for (var i = 0; i < node.Items.Count; i++)
            {
                var item = node.Items[i];
                var name = item.Get("Name")?.AsString();
                var e = item.Get("Expression");
                if (string.IsNullOrWhiteSpace(name) || e is not { Kind: SourceNodeKind.String })
                {
                    Report(item, $"{p}[{i}]", M.MissingProperty, M.Format(M.MissingPropertyText, "Name and Expression"));
                    continue;
                }

                list.Add(new ScopedParamDefinition(name, new ExpressionSource(e.Text!, e, $"{p}[{i}].Expression")));
            }

            return list;
        }

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
}
