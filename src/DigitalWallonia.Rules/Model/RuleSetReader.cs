using System.Globalization;
using System.Text.Json.Nodes;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Model;

/// <summary>Reads one file's workflows from the positioned JSON tree, reporting problems instead of throwing.</summary>
internal sealed partial class RuleSetReader(string path)
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

            return new ActionDefinition("OutputExpression", new ExpressionSource(e.Text!, e, Join(p, "Context.Expression")), null, null) { Node = node };
        }

        if (string.Equals(name, "EvaluateRule", StringComparison.OrdinalIgnoreCase))
        {
            var workflow = context?.Get("WorkflowName")?.AsString();
            var rule = context?.Get("RuleName")?.AsString();
            if (string.IsNullOrWhiteSpace(workflow) || string.IsNullOrWhiteSpace(rule))
            {
                Report(context ?? node, Join(p, "Context"), M.MissingProperty, M.Format(M.MissingPropertyText, "Context.WorkflowName and Context.RuleName"));
                return null;
            }

            var filter = context!.Get("inputFilter"); // the workflow name was read from it, so it exists.
            return new ActionDefinition("EvaluateRule", null, workflow, rule)
            {
                InputFilter = filter is null || filter.IsNull ? null : filter.Items?.Select(i => i.AsString() ?? string.Empty).ToList() ?? [],
                AdditionalInputs = ReadParams(context.Get("additionalInputs"), Join(p, "Context.additionalInputs")),
                Node = node,
            };
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
}
