using System.Text.Json;

namespace DigitalWallonia.Rules.Tests;

/// <summary>Builds one-rule rule sets around an expression, and locates the compatibility cases.</summary>
internal static class TestRules
{
    public static readonly DateOnly Day = new(2025, 6, 15);

    public static RuleSet OneRule(string expression, string extra = "")
    {
        var json = $$"""
            {
              "WorkflowName": "T",
              {{extra}}
              "Rules": [ { "RuleName": "R", "ErrorMessage": "failed", "Expression": {{JsonSerializer.Serialize(expression)}} } ]
            }
            """;
        var loaded = RuleSetLoader.LoadText(json, "t.json");
        Assert.Empty(loaded.Diagnostics);
        return loaded.RuleSets[0];
    }

    public static RuleResult Eval(string expression, string input = "{}", string extra = "", DateOnly? asOf = null, bool explain = false)
    {
        var result = new RuleEngine().Evaluate(OneRule(expression, extra), input, asOf ?? Day, explain);
        Assert.Null(result.InputError);
        return result.Results[0];
    }

    public static bool True(string expression, string input = "{}", string extra = "")
    {
        var r = Eval(expression, input, extra);
        Assert.True(r.Status is RuleStatus.Success or RuleStatus.Failure, r.ExceptionMessage);
        return r.IsSuccess;
    }

    public static IReadOnlyList<Diagnostic> Check(string expression, string extra = "")
        => new RuleEngine().Check(OneRule(expression, extra));

    /// <summary>The RulesEngine compatibility cases, copied beside the test binaries (Compat/rulesengine/README.md).</summary>
    public static string CompatFolder() => Path.Combine(AppContext.BaseDirectory, "Compat", "rulesengine");
}
