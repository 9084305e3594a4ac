using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Tests.Reference;

namespace DigitalWallonia.Rules.Tests;

/// <summary>
/// A plain RulesEngine file (no Inputs schema) loads and gives RulesEngine's results, on the points where the two
/// engines used to differ: np(value, default), names in any case, a member absent from the input, an action that
/// throws. Each is checked against RulesEngine 6.0.1 run live and against the value RulesEngine documents.
/// </summary>
public class PlainRulesEngineFileTests
{
    private const string Workflow = """
        {
          "WorkflowName": "Plain",
          "Rules": [
            { "RuleName": "Defaulted", "Expression": "np(input1.loyaltyFactor, 0) >= 2" },
            { "RuleName": "AnyCase", "Expression": "Input1.Country == \"india\" AND INPUT1.totalPurchasesToDate.ToString().length == 4 AND input1.Orders.any(o => o.AMOUNT > 10)" },
            { "RuleName": "AbsentIsNull", "Expression": "input1.coupon == null" },
            { "RuleName": "AbsentIsNotSomething", "ErrorMessage": "no coupon for $(input1.country)", "Expression": "input1.coupon != null" },
            { "RuleName": "ThrowingAction", "Expression": "input1.country == \"india\"",
              "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "input1.totalPurchasesToDate / (input1.loyaltyFactor - 3)" } } } },
            { "RuleName": "WorkingAction", "Expression": "input1.country == \"india\"",
              "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "np(input1.bonus, 5) * 2" } } } }
          ]
        }
        """;

    private const string Input = """
        { "input1": { "country": "india", "loyaltyFactor": 3, "totalPurchasesToDate": 5000, "bonus": 7,
                      "orders": [ { "amount": 12 }, { "amount": 3 } ] } }
        """;

    private static IReadOnlyList<RuleResult> Ours()
    {
        var loaded = RuleSetLoader.LoadText(Workflow, "plain.json");
        Assert.Empty(loaded.Diagnostics);
        var result = new RuleEngine().Evaluate(loaded.RuleSets[0], Input, TestRules.Day);
        Assert.Null(result.InputError);
        return result.Results;
    }

    [Fact]
    public void A_plain_RulesEngine_file_gives_RulesEngine_s_results_rule_by_rule()
    {
        var theirs = new ReferenceEngine(Workflow).Run("Plain", ReferenceEngine.Parameters(Input));
        var ours = Ours();
        Assert.Equal(theirs.Count, ours.Count);
        foreach (var (t, o) in theirs.Zip(ours))
        {
            Assert.True((string)t["status"]! == (o.IsSuccess ? "success" : "failure"), $"{o.RuleName}: RulesEngine {t.ToJsonString()}");
            Assert.Equal((string?)t["exceptionMessage"], o.ExceptionMessage);
            Assert.True(ReferenceEngine.SameJson(t["actionOutput"], o.ActionOutput), $"actionOutput of {o.RuleName}");
            Assert.Equal(t["actionError"] is not null, o.ActionError is not null);
        }
    }

    [Fact]
    public void Np_with_a_default_gives_the_value_when_present_and_the_default_when_absent()
    {
        var ours = Ours();
        Assert.True(ours[0].IsSuccess);
        Assert.Equal("14", ours[5].ActionOutput!.ToJsonString());
        Assert.True(TestRules.True("np(input1.bonus, 5) * 2 == 10", """{"input1":{"other":1}}"""));
    }

    [Fact]
    public void Names_of_inputs_members_and_methods_resolve_in_any_case_in_a_plain_file()
        => Assert.True(Ours()[1].IsSuccess, Ours()[1].ExceptionMessage);

    [Fact]
    public void When_members_differ_only_by_case_the_first_in_the_input_is_read_whatever_the_spelling_as_in_RulesEngine()
    {
        const string input = """{"input1":{"aa":3,"AA":4}}""";
        const string expression = "input1.AA == 3 && input1.aa == 3 && input1.Aa == 3";
        Assert.True(TestRules.True(expression, input));
        var theirs = new ReferenceEngine($$"""{"WorkflowName":"W","Rules":[{"RuleName":"R","Expression":"{{expression}}"}]}""")
            .Run("W", ReferenceEngine.Parameters(input));
        Assert.Equal("success", (string?)theirs[0]["status"]);
    }

    [Fact]
    public void A_member_absent_from_the_input_of_a_plain_file_reads_as_null()
    {
        var ours = Ours();
        Assert.Equal(RuleStatus.Success, ours[2].Status);
        Assert.Equal(RuleStatus.Failure, ours[3].Status);
        Assert.Equal("no coupon for india", ours[3].ExceptionMessage);
    }

    [Fact]
    public void An_action_that_throws_keeps_the_rule_s_success_and_records_the_action_s_error()
    {
        var r = Ours()[4];
        Assert.Equal(RuleStatus.Success, r.Status);
        Assert.True(r.IsSuccess);
        Assert.Null(r.ActionOutput);
        Assert.Contains("divide by zero", r.ActionError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ThrowingAction", r.ActionError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_file_keeps_exact_names_and_reports_a_wrong_case_or_unknown_member_with_its_position()
    {
        const string typed = """
            {
              "WorkflowName": "Typed",
              "Inputs": { "input1": { "Type": "object", "Properties": { "country": "string" } } },
              "Rules": [ { "RuleName": "R", "Expression": "input1.Country == \"india\" && input1.coupon == null" } ]
            }
            """;
        var loaded = RuleSetLoader.LoadText(typed, "typed.json");
        var diagnostics = new RuleEngine().Check(loaded.RuleSets[0]);
        var wrongCase = Assert.Single(diagnostics, d => d.Message.Contains("'Country'", StringComparison.Ordinal));
        Assert.Equal("DW1021", wrongCase.Code);
        Assert.Contains("did you mean 'country'", wrongCase.Message, StringComparison.Ordinal);
        Assert.Equal((4, 55), (wrongCase.Line, wrongCase.Column));
        Assert.Single(diagnostics, d => d.Code == "DW1021" && d.Message.Contains("'coupon'", StringComparison.Ordinal));
    }
}
