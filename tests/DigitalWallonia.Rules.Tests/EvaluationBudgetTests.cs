using System.Text.Json;

namespace DigitalWallonia.Rules.Tests;

/// <summary>One expression's work is bounded (EvaluationLimits): exceeding it fails that rule, positioned, and the others run.</summary>
public class EvaluationBudgetTests
{
    private static readonly string Items = "{\"xs\":[" + string.Join(",", Enumerable.Range(0, 2_000)) + "]}";

    private static EvaluationResult Run(string heavy, string input, EvaluationLimits? limits = null)
    {
        var json = $$"""
            {
              "WorkflowName": "T",
              "Rules": [
                { "RuleName": "Heavy", "ErrorMessage": "failed",
                  "Expression": {{JsonSerializer.Serialize(heavy)}} },
                { "RuleName": "Light", "ErrorMessage": "failed", "Expression": "1 == 1" }
              ]
            }
            """;
        var loaded = RuleSetLoader.LoadText(json, "budget.json");
        Assert.Empty(loaded.Diagnostics);
        var result = new RuleEngine(limits).Evaluate(loaded.RuleSets[0], input, TestRules.Day);
        Assert.Null(result.InputError);
        return result;
    }

    [Fact]
    public void Nested_loops_beyond_the_iteration_limit_fail_the_rule_naming_it_and_the_position()
    {
        // 2,000 x 2,000 = 4,000,000 items visited, over the default 1,000,000.
        var result = Run("xs.Any(a => xs.Count(b => b == a + 5000) > 0)", Items);

        var heavy = result.Results[0];
        Assert.Equal(RuleStatus.RuntimeError, heavy.Status);
        Assert.Contains("Heavy", heavy.ExceptionMessage, StringComparison.Ordinal);
        Assert.Contains("MaxIterations", heavy.ExceptionMessage, StringComparison.Ordinal);
        Assert.EndsWith("at line 5, column 42 ('Count')", heavy.ExceptionMessage, StringComparison.Ordinal); // budget.json, where Count stands
        Assert.True(result.Results[1].IsSuccess);
    }

    [Fact]
    public void The_iteration_limit_is_an_engine_setting()
    {
        var roomy = Run("xs.Any(a => xs.Count(b => b == a + 5000) > 0)", Items, new EvaluationLimits { MaxIterations = 5_000_000 });
        Assert.Equal(RuleStatus.Failure, roomy.Results[0].Status);

        var tight = Run("xs.Where(x => x > 0).Sum() > 0", Items, new EvaluationLimits { MaxIterations = 100 });
        Assert.Equal(RuleStatus.RuntimeError, tight.Results[0].Status);
        Assert.Contains("more than 100 list items", tight.Results[0].ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_rule_gets_the_whole_allowance()
    {
        var limits = new EvaluationLimits { MaxIterations = 2_500 };
        var json = """
            { "WorkflowName": "T", "Rules": [
                { "RuleName": "A", "Expression": "xs.Count() == 2000" },
                { "RuleName": "B", "Expression": "xs.Count() == 2000" } ] }
            """;
        var result = new RuleEngine(limits).Evaluate(RuleSetLoader.LoadText(json).RuleSets[0], Items, TestRules.Day);
        Assert.All(result.Results, r => Assert.Equal(RuleStatus.Success, r.Status));
    }

    [Fact]
    public void Doubling_a_text_by_concatenation_fails_before_it_grows_past_the_limit()
    {
        // Each LocalParam doubles the text: 4 characters doubled 30 times would be 4 billion characters.
        var locals = string.Join(",", Enumerable.Range(1, 30).Select(i => $$"""{ "Name": "s{{i}}", "Expression": "s{{i - 1}} + s{{i - 1}}" }"""));
        var json = $$"""
            { "WorkflowName": "T", "Rules": [
                { "RuleName": "Heavy", "LocalParams": [ { "Name": "s0", "Expression": "s" }, {{locals}} ], "Expression": "s30.Length > 0" },
                { "RuleName": "Light", "Expression": "s.Length > 0" } ] }
            """;
        var loaded = RuleSetLoader.LoadText(json, "budget.json");
        Assert.Empty(loaded.Diagnostics);
        var result = new RuleEngine().Evaluate(loaded.RuleSets[0], "{\"s\":\"abcd\"}", TestRules.Day);

        var heavy = result.Results[0];
        Assert.Equal(RuleStatus.RuntimeError, heavy.Status);
        Assert.Contains("Heavy", heavy.ExceptionMessage, StringComparison.Ordinal);
        Assert.Contains("MaxTextCharacters", heavy.ExceptionMessage, StringComparison.Ordinal);
        Assert.Contains("('+')", heavy.ExceptionMessage, StringComparison.Ordinal);
        Assert.Contains("s18", heavy.ExceptionMessage, StringComparison.Ordinal);
        Assert.True(result.Results[1].IsSuccess);
    }

    [Fact]
    public void A_replace_that_would_grow_past_the_limit_fails_before_building_the_text()
    {
        var input = "{\"s\":\"" + new string('a', 2_000) + "\",\"t\":\"" + new string('b', 1_000) + "\"}";
        var result = Run("s.Replace(\"a\", t).Length > 0", input);

        Assert.Equal(RuleStatus.RuntimeError, result.Results[0].Status);
        Assert.Contains("'Replace'", result.Results[0].ExceptionMessage, StringComparison.Ordinal);
        Assert.True(result.Results[1].IsSuccess);
    }

    [Fact]
    public void Ordinary_text_and_list_work_stays_within_the_defaults()
    {
        var result = Run("xs.Where(x => x % 2 == 0).Select(x => x * 2).Sum() > 0 && (\"n\" + xs.Count()).Replace(\"n\", \"count \").Length > 0", Items);
        Assert.Equal(RuleStatus.Success, result.Results[0].Status);
    }
}
