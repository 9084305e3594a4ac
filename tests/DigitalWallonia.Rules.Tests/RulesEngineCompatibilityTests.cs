using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules.Tests;

/// <summary>
/// Every case of Compat/rulesengine (its README says where they come from): where RulesEngine returned success or failure we must return the same
/// isSuccess, successEvent, actionOutput and filled-in message, except the deviations listed in docs/rules-language.md.
/// </summary>
public class RulesEngineCompatibilityTests
{
    /// <summary>Deviations documented in docs/rules-language.md, by case and rule.</summary>
    private static readonly HashSet<string> Deviations = new(StringComparer.Ordinal)
    {
        // RulesEngine's System.Text.Json loader ignores the lower-case 'localParams' key; we read names in any case.
        "repo-rules4.1.stj-loader/GiveDiscount25",
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRules.CompatFolder(), "manifest.json")));
        foreach (var c in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_RulesEngine_on_every_success_and_failure(string id)
    {
        var root = TestRules.CompatFolder();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "manifest.json")));
        var c = manifest.RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        var loaded = RuleSetLoader.LoadFile(Path.Combine(root, c.GetProperty("workflow").GetString()!));
        Assert.True(loaded.IsStructurallyValid);
        var input = File.ReadAllText(Path.Combine(root, c.GetProperty("input").GetString()!));
        var engine = new RuleEngine();
        // Evaluate twice with one engine: the second run takes the cached path (known shape, only used members read).
        foreach (var set in loaded.RuleSets)
        {
            engine.Evaluate(set, input, new DateOnly(2024, 1, 1));
        }

        var ours = loaded.RuleSets.SelectMany(s => engine.Evaluate(s, input, new DateOnly(2024, 1, 1)).Results.Select(r => (s.Name, r))).ToList();
        var expected = File.ReadAllLines(Path.Combine(root, c.GetProperty("expected").GetString()!))
            .Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var compared = 0;
        foreach (var e in expected)
        {
            if (e["error"] is not null)
            {
                continue;
            }

            var rule = (string)e["rule"]!;
            var (_, r) = ours.Single(o => o.Name == (string)e["workflow"]! && o.r.RuleName == rule);
            if (Deviations.Contains(id + "/" + rule))
            {
                continue;
            }

            compared += Compare(e, r, topLevel: true);
        }

        Assert.True(compared >= 0);
    }

    private static int Compare(JsonObject e, RuleResult r, bool topLevel)
    {
        var n = 0;
        var status = (string)e["status"]!;
        if (status is "success" or "failure")
        {
            Assert.Equal((bool)e["isSuccess"]!, r.IsSuccess);
            Assert.Equal((string?)e["exceptionMessage"], r.ExceptionMessage);
            if (topLevel)
            {
                Assert.Equal((string?)e["successEvent"], r.SuccessEvent);
            }

            Assert.True(JsonNode.DeepEquals(e["actionOutput"], r.ActionOutput), $"actionOutput of {r.RuleName}");
            n++;
        }

        if (e["children"] is JsonArray children)
        {
            for (var i = 0; i < children.Count; i++)
            {
                n += Compare(children[i]!.AsObject(), r.Children[i], topLevel: false);
            }
        }

        return n;
    }
}
