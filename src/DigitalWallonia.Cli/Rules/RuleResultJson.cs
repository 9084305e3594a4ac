using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Cli.Rules;

/// <summary>The one-line JSON form of a rule result, with the field names of the RulesEngine compatibility cases.</summary>
internal static class RuleResultJson
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(string workflow, RuleResult r, bool explain)
    {
        var o = new JsonObject { ["workflow"] = workflow };
        Fill(o, r, topLevel: true, explain);
        return o.ToJsonString(Compact);
    }

    private static void Fill(JsonObject o, RuleResult r, bool topLevel, bool explain)
    {
        o["rule"] = r.RuleName;
        o["isSuccess"] = r.IsSuccess;
        o["status"] = Status(r.Status);
        if (topLevel)
        {
            o["successEvent"] = r.SuccessEvent;
        }

        o["exceptionMessage"] = r.ExceptionMessage;
        if (r.ActionOutput is not null)
        {
            o["actionOutput"] = r.ActionOutput.DeepClone();
        }

        if (r.ActionError is not null)
        {
            o["actionError"] = r.ActionError;
        }

        if (r.Children.Count > 0)
        {
            var children = new JsonArray();
            foreach (var c in r.Children)
            {
                var co = new JsonObject();
                Fill(co, c, topLevel: false, explain: false);
                children.Add(co);
            }

            o["children"] = children;
        }

        if (explain && r.Explanation is not null)
        {
            o["explanation"] = Explain(r.Explanation);
        }
    }

    public static string Status(RuleStatus s) => s switch
    {
        RuleStatus.Success => "success",
        RuleStatus.Failure => "failure",
        RuleStatus.ParseError => "parseError",
        RuleStatus.CompileError => "compileError",
        _ => "runtimeError",
    };

    private static JsonObject Explain(Explanation e)
    {
        var o = new JsonObject
        {
            ["expression"] = e.Expression,
            ["outcome"] = e.Outcome,
            ["fr"] = e.Fr,
            ["en"] = e.En,
        };
        if (e.Children.Count > 0)
        {
            o["children"] = new JsonArray(e.Children.Select(c => (JsonNode)Explain(c)).ToArray());
        }

        return o;
    }
}
