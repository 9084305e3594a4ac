using System.Text.Json;

namespace DigitalWallonia.Rules.Tests;

/// <summary>Builds one-rule rule sets around an expression, and locates the shared folder.</summary>
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

    public static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "compat")))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException("no 'shared/compat' folder above " + AppContext.BaseDirectory);
    }
}
