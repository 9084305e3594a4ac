using System.Text;
using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Tests.Reference;
using Xunit.Abstractions;

namespace DigitalWallonia.Rules.Tests;

/// <summary>
/// Differential test against Microsoft RulesEngine 6.0.1: generated workflows (expressions of the subset both engines
/// share, see <see cref="ExpressionGenerator"/>) on generated inputs, evaluated by both, compared rule by rule.
/// Wherever RulesEngine returns a success or a failure we must return the same outcome, the same filled-in message,
/// the same action output and an action error exactly where it has one. Where RulesEngine reports an error (its
/// dynamic typing: a member some inputs lack compared with a number), our answer is not compared; their share is
/// bounded so the test keeps its power.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private const int Seed = 20261207;
    private const int InputCount = 5_000;
    private const int RuleCount = 60;
    private static readonly DateOnly AsOf = new(2025, 1, 1);

    [Fact]
    public void Both_engines_agree_on_every_generated_rule_for_5000_generated_inputs()
    {
        var generator = new ExpressionGenerator(Seed);
        var workflowJson = generator.Workflow(RuleCount);
        var inputs = Enumerable.Range(0, InputCount).Select(_ => generator.Input()).ToList();

        var loaded = RuleSetLoader.LoadText(workflowJson, "generated.json");
        Assert.Empty(loaded.Diagnostics);
        var ours = new RuleEngine();
        var reference = new ReferenceEngine(workflowJson);
        var expressions = Expressions(JsonNode.Parse(workflowJson)!["Rules"]!.AsArray());

        var ourTime = new System.Diagnostics.Stopwatch();
        var theirTime = new System.Diagnostics.Stopwatch();
        var compared = 0;
        var referenceErrors = 0;
        var successes = 0;
        var mismatches = new List<string>();
        var errorKinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            theirTime.Start();
            var theirs = reference.Run("Generated", ReferenceEngine.Parameters(input));
            theirTime.Stop();
            ourTime.Start();
            var result = ours.Evaluate(loaded.RuleSets[0], input, AsOf);
            ourTime.Stop();
            Assert.Null(result.InputError);
            for (var i = 0; i < theirs.Count; i++)
            {
                Compare(theirs[i], result.Results[i], topLevel: true, input, expressions, mismatches, ref compared, ref referenceErrors, ref successes, errorKinds);
            }
        }

        output.WriteLine($"{compared} results compared ({successes} successes), {referenceErrors} RulesEngine errors not compared; RulesEngine {theirTime.Elapsed.TotalSeconds:F1} s, ours {ourTime.Elapsed.TotalSeconds:F1} s");
        foreach (var (kind, count) in errorKinds.OrderByDescending(k => k.Value))
        {
            output.WriteLine($"  {count} × {kind}");
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} disagreements (seed {Seed}); the first ones:\n" + string.Join("\n\n", mismatches.Take(8)));
        // The comparison has power: most results compared, both outcomes well represented.
        Assert.True(referenceErrors < compared / 10, $"RulesEngine errors {referenceErrors} for {compared} compared results");
        Assert.InRange(successes, compared / 10, compared - (compared / 10));
    }

    private static void Compare(JsonObject theirs, RuleResult ours, bool topLevel, string input, Dictionary<string, string> expressions,
        List<string> mismatches, ref int compared, ref int referenceErrors, ref int successes, Dictionary<string, int> errorKinds)
    {
        if (theirs["children"] is JsonArray children)
        {
            for (var i = 0; i < children.Count; i++)
            {
                Compare(children[i]!.AsObject(), ours.Children[i], topLevel: false, input, expressions, mismatches, ref compared, ref referenceErrors, ref successes, errorKinds);
            }
        }

        var status = (string)theirs["status"]!;
        if (status is not ("success" or "failure"))
        {
            referenceErrors++;
            var kind = status + ": " + ErrorKind((string?)theirs["exceptionMessage"]) + (ours.Status is RuleStatus.Success or RuleStatus.Failure ? " (ours: a result)" : " (ours: an error)");
            errorKinds[kind] = errorKinds.GetValueOrDefault(kind) + 1;
            return;
        }

        compared++;
        successes += status == "success" ? 1 : 0;
        var problems = new List<string>();
        if ((bool)theirs["isSuccess"]! != ours.IsSuccess || ours.Status is not (RuleStatus.Success or RuleStatus.Failure))
        {
            problems.Add($"outcome: RulesEngine {status}, ours {ours.Status}");
        }
        else if (topLevel && (string?)theirs["exceptionMessage"] != ours.ExceptionMessage)
        {
            problems.Add($"message: RulesEngine «{theirs["exceptionMessage"]}», ours «{ours.ExceptionMessage}»");
        }

        if (!ReferenceEngine.SameJson(theirs["actionOutput"], ours.ActionOutput))
        {
            problems.Add($"action output: RulesEngine {theirs["actionOutput"]?.ToJsonString() ?? "none"}, ours {ours.ActionOutput?.ToJsonString() ?? "none"}");
        }

        if ((theirs["actionError"] is null) != (ours.ActionError is null))
        {
            problems.Add($"action error: RulesEngine «{theirs["actionError"]}», ours «{ours.ActionError}»");
        }

        if (problems.Count > 0)
        {
            var sb = new StringBuilder();
            sb.Append("rule ").Append(ours.RuleName).Append(": ").AppendJoin("; ", problems).AppendLine();
            sb.Append("  expression: ").AppendLine(expressions.GetValueOrDefault(ours.RuleName, "(nested rule set)"));
            sb.Append("  input: ").Append(input);
            if (ours.Status is not (RuleStatus.Success or RuleStatus.Failure))
            {
                sb.AppendLine().Append("  ours: ").Append(ours.ExceptionMessage);
            }

            mismatches.Add(sb.ToString());
        }
    }

    /// <summary>RulesEngine's error text without the expression it quotes.</summary>
    private static string ErrorKind(string? message)
    {
        var m = message ?? string.Empty;
        var dash = m.LastIndexOf("` - ", StringComparison.Ordinal);
        m = dash >= 0 ? m[(dash + 4)..] : m;
        var hint = m.IndexOf(" (Hint", StringComparison.Ordinal);
        return hint >= 0 ? m[..hint] : m;
    }

    /// <summary>Each rule's expression, with its actions and local param, for failure messages.</summary>
    private static Dictionary<string, string> Expressions(JsonArray rules)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules.Select(r => r!.AsObject()))
        {
            if (rule["Rules"] is JsonArray children)
            {
                foreach (var (k, v) in Expressions(children))
                {
                    all[k] = v;
                }

                continue;
            }

            var text = (string)rule["Expression"]!;
            if (rule["LocalParams"] is JsonArray locals)
            {
                text += "  [LocalParams " + locals.ToJsonString() + "]";
            }

            if (rule["Actions"] is JsonObject actions)
            {
                text += "  [Actions " + actions.ToJsonString() + "]";
            }

            all[(string)rule["RuleName"]!] = text;
        }

        return all;
    }
}
