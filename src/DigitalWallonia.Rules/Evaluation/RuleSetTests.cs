using System.Globalization;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules;

/// <summary>Runs the test cases embedded in a rule set (<c>Tests</c>): expected outcome per rule and expected outputs.</summary>
public static class RuleSetTests
{
    /// <summary>The outcome of one embedded test case: its name and what differed (empty when it passed).</summary>
    public sealed record Outcome(string Name, IReadOnlyList<string> Failures);

    public static IReadOnlyList<Outcome> Run(RuleEngine engine, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var outcomes = new List<Outcome>();
        foreach (var test in ruleSet.Tests)
        {
            var asOf = test.AsOf ?? ruleSet.ValidFrom ?? new DateOnly(2000, 1, 1);
            var result = engine.Evaluate(ruleSet, test.InputsJson, asOf);
            var failures = new List<string>();
            if (result.InputError is not null)
            {
                failures.Add("input: " + result.InputError);
            }

            foreach (var (rule, expected) in test.ExpectedRules)
            {
                var actual = Find(result.Results, rule);
                if (actual is null)
                {
                    failures.Add($"rule '{rule}': no such rule");
                }
                else if (actual.IsSuccess != expected)
                {
                    var why = actual.Status is RuleStatus.Success or RuleStatus.Failure ? string.Empty : $" ({actual.ExceptionMessage})";
                    failures.Add($"rule '{rule}': expected {(expected ? "success" : "failure")}, got {actual.Status.ToString().ToLowerInvariant()}{why}");
                }
            }

            foreach (var (name, expected) in test.ExpectedOutputs)
            {
                result.Outputs.TryGetValue(name, out var actual);
                if (!SameValue(expected, actual))
                {
                    failures.Add($"output '{name}': expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
                }
            }

            outcomes.Add(new Outcome(test.Name, failures));
        }

        return outcomes;
    }

    private static RuleResult? Find(IEnumerable<RuleResult> results, string name)
    {
        foreach (var r in results)
        {
            if (r.RuleName == name)
            {
                return r;
            }

            if (Find(r.Children, name) is { } c)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Numbers compare by value (12500 equals 12500.00); everything else by JSON text.</summary>
    private static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue av && b is JsonValue bv
            && decimal.TryParse(av.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(bv.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x == y;
        }

        return JsonNode.DeepEquals(a, b);
    }
}
