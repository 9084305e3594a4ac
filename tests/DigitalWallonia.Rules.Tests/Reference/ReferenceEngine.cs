using System.Dynamic;
using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using RulesEngine.HelperFunctions;
using RulesEngine.Models;

namespace DigitalWallonia.Rules.Tests.Reference;

/// <summary>
/// Microsoft RulesEngine 6.0.1 run the way its documentation and demo app run it on JSON: the workflow file read with
/// Newtonsoft, each input turned into an <see cref="ExpandoObject"/> (RulesEngine then types it from its own values),
/// default settings (names in any case). Results are rendered in the format of the recorded compatibility cases
/// (Compat/rulesengine/FORMAT.md), so live and recorded results are compared by the same code.
/// </summary>
internal sealed class ReferenceEngine
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly IReadOnlyList<Workflow> _workflows;

    public ReferenceEngine(string workflowJson)
    {
        var token = JToken.Parse(workflowJson);
        _workflows = token is JArray array
            ? array.ToObject<List<Workflow>>()!
            : [token.ToObject<Workflow>()!];
        _engine = new RulesEngine.RulesEngine([.. _workflows], new ReSettings());
    }

    public IEnumerable<string> WorkflowNames => _workflows.Select(w => w.WorkflowName);

    /// <summary>RulesEngine's parameters for a JSON object whose keys are the input names.</summary>
    public static RuleParameter[] Parameters(string inputJson)
    {
        var root = JObject.Parse(inputJson);
        return [.. root.Properties().Select(p => new RuleParameter(p.Name, ToDynamic(p.Value)))];
    }

    public static object? ToDynamic(JToken value)
    {
        switch (value.Type)
        {
            case JTokenType.Object:
                return JsonConvert.DeserializeObject<ExpandoObject>(value.ToString(Formatting.None), new ExpandoObjectConverter());
            case JTokenType.Array:
            {
                // A top-level list is typed the way RulesEngine types a list member of an object (first item's shape).
                var holder = JsonConvert.DeserializeObject<ExpandoObject>(new JObject { ["v"] = value }.ToString(Formatting.None), new ExpandoObjectConverter())!;
                var typed = Utils.GetTypedObject(holder);
                return typed.GetType().GetProperty("v")!.GetValue(typed);
            }

            default:
                return ((JValue)value).Value;
        }
    }

    /// <summary>Every top-level result of <paramref name="workflow"/>, one JSON object per rule as in the recorded cases.</summary>
    public List<JsonObject> Run(string workflow, RuleParameter[] parameters)
    {
        List<RuleResultTree> results;
        try
        {
            results = _engine.ExecuteAllRulesAsync(workflow, parameters).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            return [new JsonObject { ["workflow"] = workflow, ["error"] = e.Message }];
        }

        return [.. results.Select(r => Render(r, workflow))];
    }

    private static JsonObject Render(RuleResultTree r, string? workflow)
    {
        var o = new JsonObject();
        if (workflow is not null)
        {
            o["workflow"] = workflow;
        }

        o["rule"] = r.Rule.RuleName;
        o["isSuccess"] = r.IsSuccess;
        o["status"] = Status(r);
        o["successEvent"] = r.IsSuccess ? r.Rule.SuccessEvent ?? r.Rule.RuleName : null;
        o["exceptionMessage"] = string.IsNullOrEmpty(r.ExceptionMessage) ? null : r.ExceptionMessage;
        if (r.ActionResult?.Output is { } output)
        {
            o["actionOutput"] = JsonNode.Parse(JsonConvert.SerializeObject(output));
        }

        if (r.ActionResult?.Exception is { } e)
        {
            o["actionError"] = e.Message;
        }

        if (r.ChildResults?.Any() == true)
        {
            o["children"] = new JsonArray([.. r.ChildResults.Select(c => (JsonNode)Render(c, null))]);
        }

        return o;
    }

    /// <summary>RulesEngine reports errors as failed results; its message prefixes tell the kinds apart.</summary>
    private static string Status(RuleResultTree r)
    {
        if (r.IsSuccess)
        {
            return "success";
        }

        var m = r.ExceptionMessage ?? string.Empty;
        return m.StartsWith("Exception while parsing expression", StringComparison.Ordinal) ? "parseError"
            : m.StartsWith("Error while compiling rule", StringComparison.Ordinal) ? "compileError"
            : m.StartsWith("Error while executing scoped params", StringComparison.Ordinal) ? "scopedParamError"
            : m.StartsWith("Error while executing rule", StringComparison.Ordinal) ? "runtimeError"
            : "failure";
    }

    /// <summary>Numbers compared by value (RulesEngine computes in double and long, we in decimal), the rest structurally.</summary>
    public static bool SameJson(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is JsonValue va && b is JsonValue vb && Number(va) is { } na && Number(vb) is { } nb)
        {
            return na == nb;
        }

        if (a is JsonObject oa && b is JsonObject ob)
        {
            return oa.Count == ob.Count && oa.All(p => ob.TryGetPropertyValue(p.Key, out var v) && SameJson(p.Value, v));
        }

        if (a is JsonArray aa && b is JsonArray ab)
        {
            return aa.Count == ab.Count && aa.Zip(ab).All(p => SameJson(p.First, p.Second));
        }

        return JsonNode.DeepEquals(a, b);
    }

    private static decimal? Number(JsonValue v)
        => v.GetValueKind() == System.Text.Json.JsonValueKind.Number
           && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? Math.Round(d, 10)
            : null;
}
