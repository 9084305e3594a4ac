using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Tests.Reference;

namespace DigitalWallonia.Rules.Tests;

/// <summary>
/// Every case of Compat/rulesengine (its README says where they come from): where RulesEngine returned success or
/// failure we must return the same isSuccess, successEvent, actionOutput and filled-in message, except the deviations
/// listed in docs/rules-language.md. Cases whose inputs RulesEngine reads as recorded (Newtonsoft loader and inputs)
/// also run live against the RulesEngine 6.0.1 package; the others (System.Text.Json quirks) stay recorded.
/// </summary>
public class RulesEngineCompatibilityTests
{
    private static readonly DateOnly AsOf = new(2024, 1, 1);

    /// <summary>Deviations documented in docs/rules-language.md, by case and rule.</summary>
    private static readonly HashSet<string> Deviations = new(StringComparer.Ordinal)
    {
        // RulesEngine's System.Text.Json loader ignores the lower-case 'localParams' key; we read names in any case.
        "repo-rules4.1.stj-loader/GiveDiscount25",
    };

    public static TheoryData<string> Cases() => CaseIds(live: false);

    public static TheoryData<string> LiveCases() => CaseIds(live: true);

    private static TheoryData<string> CaseIds(bool live)
    {
        var data = new TheoryData<string>();
        foreach (var c in Manifest().RootElement.GetProperty("cases").EnumerateArray())
        {
            if (!live || CanRunLive(c))
            {
                data.Add(c.GetProperty("id").GetString()!);
            }
        }

        return data;
    }

    private static JsonDocument Manifest() => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRules.CompatFolder(), "manifest.json")));

    /// <summary>A case RulesEngine can be given as it was recorded: Newtonsoft reads both the workflow and the inputs.</summary>
    private static bool CanRunLive(JsonElement c)
        => c.GetProperty("inputMode").GetString() == "newtonsoft" && c.GetProperty("loader").GetString() == "newtonsoft";

    private static (string Workflow, string Input, List<JsonObject> Expected) Case(string id)
    {
        var root = TestRules.CompatFolder();
        using var manifest = Manifest();
        var c = manifest.RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        var expected = File.ReadAllLines(Path.Combine(root, c.GetProperty("expected").GetString()!))
            .Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        return (Path.Combine(root, c.GetProperty("workflow").GetString()!), File.ReadAllText(Path.Combine(root, c.GetProperty("input").GetString()!)), expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_RulesEngine_s_recorded_results_on_every_success_and_failure(string id)
    {
        var (workflow, input, expected) = Case(id);
        AssertAgrees(id, Ours(workflow, input), expected);
    }

    [Theory]
    [MemberData(nameof(LiveCases))]
    public void Agrees_with_RulesEngine_run_live_on_every_success_and_failure(string id)
    {
        var (workflow, input, recorded) = Case(id);
        var reference = new ReferenceEngine(File.ReadAllText(workflow));
        var parameters = ReferenceEngine.Parameters(input);
        var live = reference.WorkflowNames.SelectMany(w => reference.Run(w, parameters)).ToList();

        // The live engine must still give what was recorded (same statuses, messages and outputs): the harness is right.
        Assert.Equal(recorded.Count, live.Count);
        foreach (var (r, l) in recorded.Zip(live))
        {
            Assert.Equal((string?)r["rule"], (string?)l["rule"]);
            Assert.Equal((string?)r["status"], (string?)l["status"]);
            if ((string?)r["status"] is "success" or "failure")
            {
                Assert.Equal((string?)r["exceptionMessage"], (string?)l["exceptionMessage"]);
                Assert.True(ReferenceEngine.SameJson(r["actionOutput"], l["actionOutput"]), $"recorded and live actionOutput of {r["rule"]}");
            }
        }

        AssertAgrees(id, Ours(workflow, input), live);
    }

    private static List<(string Workflow, RuleResult Result)> Ours(string workflowFile, string input)
    {
        var loaded = RuleSetLoader.LoadFile(workflowFile);
        Assert.True(loaded.IsStructurallyValid);
        var engine = new RuleEngine();
        // Evaluate twice with one engine: the second run takes the cached path (known shape, only used members read).
        foreach (var set in loaded.RuleSets)
        {
            engine.Evaluate(set, input, AsOf);
        }

        return loaded.RuleSets.SelectMany(s => engine.Evaluate(s, input, AsOf).Results.Select(r => (s.Name, r))).ToList();
    }

    private static void AssertAgrees(string id, List<(string Workflow, RuleResult Result)> ours, List<JsonObject> expected)
    {
        foreach (var e in expected)
        {
            if (e["error"] is not null)
            {
                continue;
            }

            var rule = (string)e["rule"]!;
            var (_, r) = ours.Single(o => o.Workflow == (string)e["workflow"]! && o.Result.RuleName == rule);
            if (!Deviations.Contains(id + "/" + rule))
            {
                Compare(e, r, topLevel: true);
            }
        }
    }

    private static void Compare(JsonObject e, RuleResult r, bool topLevel)
    {
        var status = (string)e["status"]!;
        if (status is "success" or "failure")
        {
            Assert.Equal((bool)e["isSuccess"]!, r.IsSuccess);
            Assert.Equal((string?)e["exceptionMessage"], r.ExceptionMessage);
            if (topLevel)
            {
                Assert.Equal((string?)e["successEvent"], r.SuccessEvent);
            }

            Assert.True(ReferenceEngine.SameJson(e["actionOutput"], r.ActionOutput), $"actionOutput of {r.RuleName}");
            Assert.Equal(e["actionError"] is not null, r.ActionError is not null);
        }

        if (e["children"] is JsonArray children)
        {
            for (var i = 0; i < children.Count; i++)
            {
                Compare(children[i]!.AsObject(), r.Children[i], topLevel: false);
            }
        }
    }
}
