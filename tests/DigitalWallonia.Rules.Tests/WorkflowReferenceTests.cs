using DigitalWallonia.Rules.Evaluation;

namespace DigitalWallonia.Rules.Tests;

/// <summary>WorkflowsToInject and EvaluateRule actions: references between the workflows of one file.</summary>
public class WorkflowReferenceTests
{
    private static RuleSetLoadResult Load(string json) => RuleSetLoader.LoadText(json, "refs.json");

    private static EvaluationResult Evaluate(RuleSetLoadResult loaded, string workflow, string input, DateOnly? asOf = null)
        => new RuleEngine().Evaluate(loaded.RuleSets.First(s => s.Name == workflow), input, asOf ?? TestRules.Day);

    /// <summary>Line and column (1-based) where <paramref name="marker"/> starts in <paramref name="json"/>.</summary>
    private static (int Line, int Column) At(string json, string marker)
    {
        var offset = json.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(offset >= 0, marker);
        var before = json[..offset];
        return (before.Count(c => c == '\n') + 1, offset - (before.LastIndexOf('\n') + 1) + 1);
    }

    private const string Chain = """
        [
          { "WorkflowName": "Eligibility",
            "Rules": [
              { "RuleName": "Sme", "Expression": "company.employees < 250",
                "Actions": { "OnSuccess": { "Name": "EvaluateRule",
                  "Context": { "WorkflowName": "Amount", "RuleName": "Rate",
                               "additionalInputs": [ { "Name": "requested", "Expression": "application.amount * 2" } ] } } } },
              { "RuleName": "Big", "Expression": "company.employees >= 250",
                "Actions": { "OnFailure": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Amount", "RuleName": "NoAction" } } } },
              { "RuleName": "Filtered", "Expression": "true",
                "Actions": { "OnSuccess": { "Name": "EvaluateRule",
                  "Context": { "WorkflowName": "Amount", "RuleName": "SeesCompany", "inputFilter": [ "application" ] } } } }
            ] },
          { "WorkflowName": "Amount",
            "GlobalParams": [ { "Name": "rate", "Expression": "0.75m" } ],
            "Rules": [
              { "RuleName": "Rate", "Expression": "requested > 1000",
                "Actions": {
                  "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "requested * rate" } },
                  "OnFailure": { "Name": "OutputExpression", "Context": { "Expression": "0" } } } },
              { "RuleName": "NoAction", "Expression": "true" },
              { "RuleName": "SeesCompany", "Expression": "company.employees > 0" }
            ] }
        ]
        """;

    [Fact]
    public void An_EvaluateRule_action_outputs_what_the_evaluated_rule_s_own_action_outputs()
    {
        var loaded = Load(Chain);
        Assert.Empty(loaded.Diagnostics);
        var results = Evaluate(loaded, "Eligibility", """{"company":{"employees":10},"application":{"amount":600}}""").Results;
        Assert.Equal(RuleStatus.Success, results[0].Status);
        // requested = 600 * 2 = 1200 > 1000, so Rate succeeds and its OnSuccess gives 1200 * 0.75 (Amount's GlobalParam).
        Assert.Equal("900.00", results[0].ActionOutput!.ToJsonString());
    }

    [Fact]
    public void The_evaluated_rule_s_outcome_chooses_its_action()
    {
        var results = Evaluate(Load(Chain), "Eligibility", """{"company":{"employees":10},"application":{"amount":100}}""").Results;
        Assert.Equal("0", results[0].ActionOutput!.ToJsonString());
    }

    [Fact]
    public void An_evaluated_rule_without_an_action_gives_no_output_and_leaves_the_caller_s_outcome_alone()
    {
        var big = Evaluate(Load(Chain), "Eligibility", """{"company":{"employees":10},"application":{"amount":100}}""").Results[1];
        Assert.Equal(RuleStatus.Failure, big.Status);
        Assert.Null(big.ActionOutput);
    }

    [Fact]
    public void InputFilter_passes_only_the_named_inputs_and_an_error_of_the_evaluated_rule_is_the_action_s_error()
    {
        var filtered = Evaluate(Load(Chain), "Eligibility", """{"company":{"employees":10},"application":{"amount":100}}""").Results[2];
        // As in RulesEngine, the failed action leaves the rule's outcome alone and records the action's error.
        Assert.Equal(RuleStatus.Success, filtered.Status);
        Assert.Null(filtered.ActionOutput);
        Assert.Contains("EvaluateRule Amount.SeesCompany", filtered.ActionError, StringComparison.Ordinal);
        Assert.Contains("company", filtered.ActionError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evaluated_workflow_is_the_version_in_force_on_the_evaluation_date()
    {
        const string json = """
            [
              { "WorkflowName": "Caller", "Rules": [ { "RuleName": "C", "Expression": "true",
                  "Actions": { "OnSuccess": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Rate", "RuleName": "R" } } } } ] },
              { "WorkflowName": "Rate", "Version": 1, "ValidFrom": "2024-01-01", "Rules": [ { "RuleName": "R", "Expression": "true",
                  "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "0.75m" } } } } ] },
              { "WorkflowName": "Rate", "Version": 2, "ValidFrom": "2025-01-01", "Rules": [ { "RuleName": "R", "Expression": "true",
                  "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "0.5m" } } } } ] }
            ]
            """;
        var loaded = Load(json);
        Assert.Equal("0.75", Evaluate(loaded, "Caller", "{}", new DateOnly(2024, 6, 1)).Results[0].ActionOutput!.ToJsonString());
        Assert.Equal("0.5", Evaluate(loaded, "Caller", "{}", new DateOnly(2025, 6, 1)).Results[0].ActionOutput!.ToJsonString());
    }

    [Fact]
    public void A_missing_target_workflow_or_rule_is_a_positioned_check_diagnostic_and_an_action_error()
    {
        const string json = """
            [
              { "WorkflowName": "W", "Rules": [
                { "RuleName": "A", "Expression": "true",
                  "Actions": { "OnSuccess": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Nowhere", "RuleName": "R" } } } },
                { "RuleName": "B", "Expression": "true",
                  "Actions": { "OnSuccess": { "Name": "EvaluateRule", "Context": { "WorkflowName": "W", "RuleName": "Missing" } } } } ] }
            ]
            """;
        var loaded = Load(json);
        var workflow = Assert.Single(loaded.Diagnostics, d => d.Message.Contains("'Nowhere'", StringComparison.Ordinal));
        Assert.Equal("DW1051", workflow.Code);
        Assert.Equal(At(json, "\"Nowhere\""), (workflow.Line, workflow.Column));
        var rule = Assert.Single(loaded.Diagnostics, d => d.Message.Contains("'Missing'", StringComparison.Ordinal));
        Assert.Equal(At(json, "\"Missing\""), (rule.Line, rule.Column));
        Assert.Equal("refs.json", rule.File);

        var results = Evaluate(loaded, "W", "{}").Results;
        Assert.All(results, r => Assert.Equal(RuleStatus.Success, r.Status));
        Assert.All(results, r => Assert.NotNull(r.ActionError));
    }

    [Fact]
    public void Rules_that_evaluate_each_other_are_a_check_error_and_a_run_stops_at_the_depth_limit()
    {
        const string json = """
            { "WorkflowName": "Loop", "Rules": [
                { "RuleName": "Ping", "Expression": "true",
                  "Actions": { "OnSuccess": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Loop", "RuleName": "Pong" } } } },
                { "RuleName": "Pong", "Expression": "true",
                  "Actions": { "OnSuccess": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Loop", "RuleName": "Ping" } } } } ] }
            """;
        var loaded = Load(json);
        var cycle = Assert.Single(loaded.Diagnostics);
        Assert.Equal("DW1052", cycle.Code);
        Assert.Contains("Loop.Ping → Loop.Pong → Loop.Ping", cycle.Message, StringComparison.Ordinal);

        var ping = Evaluate(loaded, "Loop", "{}").Results[0];
        Assert.Equal(RuleStatus.Success, ping.Status);
        Assert.Contains($"more than {WorkflowRun.MaxRuleCallDepth} rules evaluate each other", ping.ActionError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_evaluating_itself_is_a_cycle()
    {
        var loaded = Load("""
            { "WorkflowName": "Self", "Rules": [ { "RuleName": "R", "Expression": "false",
                "Actions": { "OnFailure": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Self", "RuleName": "R" } } } } ] }
            """);
        Assert.Equal("DW1052", Assert.Single(loaded.Diagnostics).Code);
    }

    [Fact]
    public void EvaluateRule_without_a_rule_name_is_a_missing_property()
    {
        var loaded = Load("""
            { "WorkflowName": "W", "Rules": [ { "RuleName": "R", "Expression": "true",
                "Actions": { "OnSuccess": { "Name": "EvaluateRule", "Context": { "WorkflowName": "W" } } } } ] }
            """);
        Assert.Equal("DW1042", Assert.Single(loaded.Diagnostics).Code);
    }

    private const string Injection = """
        [
          { "WorkflowName": "Grant", "WorkflowsToInject": [ "Common", "Extra" ],
            "GlobalParams": [ { "Name": "ceiling", "Expression": "200000" } ],
            "Rules": [ { "RuleName": "Own", "Expression": "amount <= ceiling" } ] },
          { "WorkflowName": "Common", "WorkflowsToInject": [ "Base" ],
            "Rules": [ { "RuleName": "Positive", "Expression": "amount > 0" } ] },
          { "WorkflowName": "Base", "Rules": [ { "RuleName": "UsesHostGlobal", "Expression": "amount < ceiling" } ] },
          { "WorkflowName": "Extra", "Rules": [ { "RuleName": "Even", "Expression": "amount % 2 == 0" } ] }
        ]
        """;

    [Fact]
    public void Injected_rules_follow_the_host_s_own_in_list_order_and_depth_first()
    {
        var loaded = Load(Injection);
        var grant = loaded.RuleSets.First(s => s.Name == "Grant");
        Assert.Equal(["Own", "Positive", "UsesHostGlobal", "Even"], Evaluate(loaded, "Grant", """{"amount":100}""").Results.Select(r => r.RuleName));
        Assert.Equal(4, grant.Rules.Count);
    }

    [Fact]
    public void Injected_rules_run_in_the_host_s_scope()
    {
        var loaded = Load(Injection);
        var results = Evaluate(loaded, "Grant", """{"amount":300000}""").Results;
        // UsesHostGlobal reads the host's GlobalParam 'ceiling', as RulesEngine runs injected rules inside the host.
        Assert.Equal(RuleStatus.Failure, results.Single(r => r.RuleName == "UsesHostGlobal").Status);
        Assert.True(results.Single(r => r.RuleName == "Even").IsSuccess);
    }

    [Fact]
    public void An_injection_cycle_and_an_unknown_workflow_are_positioned_diagnostics()
    {
        const string json = """
            [
              { "WorkflowName": "A", "WorkflowsToInject": [ "B", "Ghost" ], "Rules": [ { "RuleName": "a", "Expression": "true" } ] },
              { "WorkflowName": "B", "WorkflowsToInject": [ "A" ], "Rules": [ { "RuleName": "b", "Expression": "true" } ] }
            ]
            """;
        var loaded = Load(json);
        var ghost = Assert.Single(loaded.Diagnostics, d => d.Code == "DW1051");
        Assert.Equal(At(json, "\"Ghost\""), (ghost.Line, ghost.Column));
        var cycles = loaded.Diagnostics.Where(d => d.Code == "DW1052").ToList();
        Assert.Equal(2, cycles.Count);
        Assert.Contains(cycles, d => (d.Line, d.Column) == At(json, "\"A\" ]") && d.Message.Contains("A → B → A", StringComparison.Ordinal));
        // Linking stops at the cycle: A holds its own rule and B's, B its own and A's, once each.
        Assert.Equal(["a", "b"], loaded.RuleSets[0].Rules.Select(r => r.Name));
        Assert.Equal(["b", "a"], loaded.RuleSets[1].Rules.Select(r => r.Name));
    }

    [Fact]
    public void An_injected_rule_with_a_name_already_in_the_host_is_a_duplicate()
    {
        var loaded = Load("""
            [
              { "WorkflowName": "H", "WorkflowsToInject": [ "I" ], "Rules": [ { "RuleName": "Same", "Expression": "true" } ] },
              { "WorkflowName": "I", "Rules": [ { "RuleName": "Same", "Expression": "false" } ] }
            ]
            """);
        Assert.Equal("DW1043", Assert.Single(loaded.Diagnostics).Code);
        Assert.Single(loaded.RuleSets[0].Rules);
    }
}
