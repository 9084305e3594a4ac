using System.Text;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>
/// Fills <c>$(path)</c> placeholders of an ErrorMessage: the first segment names a param of the rule, a global param
/// or an input; further segments are members. Unknown paths stay as written (RulesEngine does the same).
/// </summary>
internal static class MessageFormatter
{
    public static string? Format(string? template, CompiledRule rule, CompiledWorkflow workflow, EvalContext ctx)
    {
        if (template is null || !template.Contains("$(", StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var start = template.IndexOf("$(", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : template.IndexOf(')', start + 2);
            if (start < 0 || end < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, start - i);
            var path = template[(start + 2)..end];
            sb.Append(Resolve(path, rule, workflow, ctx) ?? template[start..(end + 1)]);
            i = end + 1;
        }

        return sb.ToString();
    }

    private static string? Resolve(string path, CompiledRule rule, CompiledWorkflow workflow, EvalContext ctx)
    {
        var parts = path.Split('.');
        Value v;
        RType t;
        var scoped = rule.Scope.LastOrDefault(s => s.Name == parts[0]);
        if (scoped is not null)
        {
            v = (scoped.Kind == ScopeKind.Global ? ctx.Globals : ctx.Locals)[scoped.Slot];
            t = scoped.Type;
        }
        else if (workflow.InputShape.MemberIndex(parts[0]) is var k and >= 0)
        {
            v = ctx.Inputs[k];
            t = workflow.InputShape.Members![k].Value;
        }
        else
        {
            return null;
        }

        foreach (var part in parts.Skip(1))
        {
            var idx = t.Kind == TypeKind.Object ? t.MemberIndex(part) : -1;
            if (idx < 0)
            {
                return null;
            }

            v = v.Ref is Value[] fields ? fields[idx] : default;
            t = t.Members![idx].Value;
        }

        return ValueJson.ToText(ValueJson.ToJson(v, t));
    }
}
